using Microsoft.Net.Http.Headers;

namespace ApiPlatform.Gateway.Hardening;

/// <summary>
/// Puts the edge in front of everything else, before correlation and authentication: the security headers and
/// CORS, whose preflight requests carry no token and must be answered before authorization refuses them.
/// </summary>
internal sealed class EdgeStartupFilter : IStartupFilter
{
    public const string CorsPolicy = "gateway-allowlist";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        // Only a browser's cross-origin request carries Origin, and without it CORS has nothing to do; skipping the
        // middleware then also spares the DI scope it would open per request to resolve its policy provider.
        app.UseWhen(static context => context.Request.Headers.ContainsKey(HeaderNames.Origin), cors => cors.UseCors(CorsPolicy));
        next(app);
    };
}
