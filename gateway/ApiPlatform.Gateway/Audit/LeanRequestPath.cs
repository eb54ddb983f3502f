using ApiPlatform.ServiceDefaults;

namespace ApiPlatform.Gateway.Audit;

internal static class LeanRequestPath
{
    /// <summary>
    /// What the gateway's request path leaves out because the traffic audit already says it: ASP.NET Core's request
    /// logs (and with them the activity and log scope it starts for every request only so those logs could carry a
    /// trace id) and the correlation log scope. With a tracing exporter configured, its listener still gets a span per
    /// request; without one the caller's <c>traceparent</c> goes upstream unchanged.
    /// </summary>
    public static void AddLeanRequestPath(this WebApplicationBuilder builder)
    {
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        builder.Services.PostConfigure<ServiceOptions>(service => service.CorrelationLogScope = false);
    }
}
