using ApiPlatform.Gateway.Lifecycle;
using ApiPlatform.ServiceDefaults.Auth;

namespace ApiPlatform.Gateway.Usage;

/// <summary>Records every authorized, proxied request against its consumer and API version.</summary>
internal sealed class UsageMiddleware(RequestDelegate next, UsageRecorder recorder)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<ApiLifecycle>() is { } api
            && VersionSegment.TryParse(context.Request.Path, api.PathPrefix.Length, out var major)
            && context.User.GetClientId() is { } client)
        {
            recorder.Record(new UsageKey(api.Name, major, client));
        }
        return next(context);
    }
}
