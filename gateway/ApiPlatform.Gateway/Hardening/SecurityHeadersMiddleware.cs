using Microsoft.Net.Http.Headers;

namespace ApiPlatform.Gateway.Hardening;

/// <summary>
/// First in the pipeline: starts the request's <see cref="GatewayRequest"/> and, when the response starts, adds the
/// security headers to every response (and removes any <c>Server</c> header), a strict CSP to those the gateway writes itself (an endpoint that sets its
/// own CSP, such as a UI, keeps it) and the rate-limit fields of limited routes.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    private static readonly Func<object, Task> ApplyHeaders = Apply;

    public Task InvokeAsync(HttpContext context)
    {
        var request = new GatewayRequest(context);
        context.Features.Set(request);
        context.Response.OnStarting(ApplyHeaders, request);
        return next(context);
    }

    private static Task Apply(object state)
    {
        var request = (GatewayRequest)state;
        var headers = request.Context.Response.Headers;
        // Kestrel's own is off; this drops the one an upstream sent (the token server, a system of record's proxy).
        headers.Remove(HeaderNames.Server);
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers[RateLimitHeaders.ReferrerPolicy] = "no-referrer";
        if (!request.Proxied && !headers.ContainsKey(HeaderNames.ContentSecurityPolicy))
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
        }
        if (request.RateLimitPolicy is { } policy)
        {
            headers[RateLimitHeaders.Policy] = policy.PolicyHeader;
            headers[RateLimitHeaders.Limit] = policy.LimitHeader(request.RateLimitRemaining);
        }
        return Task.CompletedTask;
    }
}
