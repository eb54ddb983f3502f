namespace ApiPlatform.Gateway.Routing;

/// <summary>
/// Turns forwarding failures into problem+json (503, 504 or 502) in the proxy pipeline of routes other than the APIs'
/// (the token endpoint); <see cref="ApiPolicyMiddleware"/> answers them for API routes, one async layer less per request.
/// </summary>
internal sealed class ProxyErrorMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<ApiRoutePolicy>() is null ? AnswerAsync(context) : next(context);

    private async Task AnswerAsync(HttpContext context)
    {
        await next(context);
        await ProxyErrors.AnswerFailureAsync(context, api: null);
    }
}
