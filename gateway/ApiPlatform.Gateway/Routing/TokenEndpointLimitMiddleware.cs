using System.Net;
using System.Net.Sockets;
using ApiPlatform.Gateway.RateLimiting;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Gateway.Routing;

/// <summary>
/// A rate limit per source address on the token server's <c>/connect/*</c> endpoints (429 with Retry-After, shared
/// across replicas like the plans), so client secrets cannot be guessed through the edge. Discovery and JWKS
/// (<c>/.well-known/*</c>) are not limited. Every other route pays one comparison of its route id.
/// </summary>
internal sealed class TokenEndpointLimitMiddleware
{
    private const string Bucket = "token-endpoint";
    private readonly RequestDelegate next;
    private readonly GatewayRateLimiter limiter;
    private readonly RateLimitPolicy policy;
    private readonly string refusal;

    public TokenEndpointLimitMiddleware(RequestDelegate next, IOptions<TokenEndpointOptions> options, IOptions<GatewayOptions> gateway,
        IOptions<RateLimitingOptions> limiting, GatewayRateLimiter limiter)
    {
        this.next = next;
        this.limiter = limiter;
        var limit = options.Value.RateLimit;
        policy = new RateLimitPolicy(Bucket, limit.Requests, limit.WindowSeconds, limit.Burst, gateway.Value.ReplicaCount, limiting.Value.MaxBatch);
        refusal = $"The token endpoint allows {limit.Requests} requests per {limit.WindowSeconds} s from one address";
    }

    public Task InvokeAsync(HttpContext context) =>
        string.Equals(context.GetReverseProxyFeature().Route.Config.RouteId, GatewayRoutes.ConnectRouteId, StringComparison.Ordinal)
            ? AdmitAsync(context)
            : next(context);

    private async Task AdmitAsync(HttpContext context)
    {
        var decision = await limiter.AcquireAsync(Bucket, SourceOf(context.Connection.RemoteIpAddress), policy);
        if (!decision.Admitted)
        {
            await RateLimitErrors.WriteTooManyRequestsAsync(context, decision, refusal);
            return;
        }
        await next(context);
    }

    /// <summary>The address, or for IPv6 its /64: one host usually holds a whole /64 and could rotate through it.</summary>
    private static string SourceOf(IPAddress? address)
    {
        if (address is null)
        {
            return "ip:unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            return $"ip:{address.MapToIPv4()}";
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return $"ip:{address}";
        }
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return $"ip:{new IPAddress(bytes)}/64";
    }
}
