using ApiPlatform.Gateway.RateLimiting;

namespace ApiPlatform.Gateway.Hardening;

/// <summary>
/// What the gateway's middleware learn about one request and apply to its response headers just before they are
/// sent (a request feature, so no middleware depends on another's order to set headers that survive an error).
/// </summary>
internal sealed class GatewayRequest(HttpContext context)
{
    public HttpContext Context { get; } = context;

    /// <summary>The body comes from an upstream (or replays one), so the gateway's own CSP does not apply to it.</summary>
    public bool Proxied { get; set; }

    public RateLimitPolicy? RateLimitPolicy { get; private set; }
    public long RateLimitRemaining { get; private set; }

    public void SetRateLimit(RateLimitPolicy policy, long remaining)
    {
        RateLimitPolicy = policy;
        RateLimitRemaining = remaining;
    }

    public static GatewayRequest? Of(HttpContext context) => context.Features.Get<GatewayRequest>();
}
