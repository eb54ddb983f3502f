using ApiPlatform.Gateway.Lifecycle;
using ApiPlatform.ServiceDefaults.Telemetry;
using Yarp.ReverseProxy.Forwarder;

namespace ApiPlatform.Gateway.Routing;

/// <summary>Turns forwarding failures into problem+json (503, 504 or 502) in the proxy pipeline.</summary>
internal sealed class ProxyErrorMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);

        var failure = context.GetForwarderErrorFeature();
        if (failure is null || context.Response.HasStarted)
        {
            return;
        }

        var api = context.GetEndpoint()?.Metadata.GetMetadata<ApiLifecycle>();
        var upstream = api is null ? "token server" : $"{api.Name} API";
        if (ProxyErrors.Describe(failure.Error, failure.Exception, upstream) is not { } problem)
        {
            return;
        }

        // The forwarder clears the response on some failures; the caller still gets its correlation id.
        if (Correlation.Get(context) is { } correlationId)
        {
            context.Response.Headers[Correlation.HeaderName] = correlationId;
        }
        await GatewayProblems.WriteAsync(context, problem);
    }
}
