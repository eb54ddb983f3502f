using System.Security.Claims;
using ApiPlatform.Gateway.Edge;
using ApiPlatform.Gateway.RateLimiting;
using ApiPlatform.ServiceDefaults.Auth;

namespace ApiPlatform.Gateway.Hardening;

/// <summary>
/// What the gateway learns about one request: the edge route it took and what its steps found out (who called, which
/// version), and what applies to its response headers just before they are sent (a request feature, so no middleware
/// depends on another's order to set headers that survive an error).
/// </summary>
internal sealed class GatewayRequest(HttpContext context)
{
    public HttpContext Context { get; } = context;

    /// <summary>The body comes from an upstream (or replays one), so the gateway's own CSP does not apply to it.</summary>
    public bool Proxied { get; set; }

    public RateLimitPolicy? RateLimitPolicy { get; private set; }
    public long RateLimitRemaining { get; private set; }

    /// <summary>The edge route being enforced (<see cref="EdgePolicyMiddleware"/>); set before its first step runs.</summary>
    public EdgeRoute Route { get; private set; } = null!;

    /// <summary>When the edge took the request: the clock its lifecycle is judged by and the start of its duration.</summary>
    public DateTimeOffset Now { get; private set; }
    public long StartedTimestamp { get; private set; }

    /// <summary>The API version the path names, when it names one.</summary>
    public int? Major { get; private set; }

    public string? ClientId { get; private set; }
    public string? Tenant { get; private set; }

    /// <summary>Whether every step let the request go upstream.</summary>
    public bool Admitted { get; set; }

    public void Begin(EdgeRoute route, DateTimeOffset now, long startedTimestamp, int? major)
    {
        Route = route;
        Now = now;
        StartedTimestamp = startedTimestamp;
        Major = major;
    }

    /// <summary>The caller, once a token proved who it is.</summary>
    public void Authenticated(ClaimsPrincipal user)
    {
        Context.User = user;
        ClientId = user.GetClientId();
        Tenant = user.GetTenant();
    }

    public void SetRateLimit(RateLimitPolicy policy, long remaining)
    {
        RateLimitPolicy = policy;
        RateLimitRemaining = remaining;
    }

    public static GatewayRequest? Of(HttpContext context) => context.Features.Get<GatewayRequest>();
}
