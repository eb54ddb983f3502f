using ApiPlatform.Gateway.Hardening;
using ApiPlatform.Gateway.RateLimiting;

namespace ApiPlatform.Gateway.Edge.Steps;

/// <summary>
/// The route's rate limit per source address (webhooks, the token endpoint): 429 with <c>Retry-After</c>, shared across
/// replicas like the plans. An IPv6 source counts as its /64.
/// </summary>
internal sealed class SourceLimitStep(GatewayRateLimiter limiter) : IEdgeStep
{
    public ValueTask<bool> AdmitAsync(GatewayRequest request) =>
        request.Route.SourceLimit is { } limit ? EdgeSteps.LimitSourceAsync(limiter, request, limit) : ValueTask.FromResult(true);
}
