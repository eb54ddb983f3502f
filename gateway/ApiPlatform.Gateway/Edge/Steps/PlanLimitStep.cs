using ApiPlatform.Gateway.Hardening;
using ApiPlatform.Gateway.RateLimiting;
using ApiPlatform.Gateway.Routing;
using ApiPlatform.Gateway.Usage;

namespace ApiPlatform.Gateway.Edge.Steps;

/// <summary>
/// Spends one request of the consumer's plan (429 with <c>Retry-After</c> and the RateLimit fields when it is spent,
/// shared across replicas) and counts the consumer's usage of the version.
/// </summary>
internal sealed class PlanLimitStep(GatewayRateLimiter limiter, ClientPlans plans, UsageRecorder usage) : IEdgeStep
{
    public ValueTask<bool> AdmitAsync(GatewayRequest request)
    {
        if (request.ClientId is not { } client)
        {
            return ValueTask.FromResult(true);
        }
        var route = (ApiRoutePolicy)request.Route;
        var policy = route.PolicyFor(plans.PlanOf(client, request.Context.User));
        var acquiring = limiter.AcquireAsync(route.Api, client, policy);
        return acquiring.IsCompletedSuccessfully
            ? Decide(request, route, client, policy, acquiring.Result)
            : AwaitAsync(request, route, client, policy, acquiring);
    }

    private async ValueTask<bool> AwaitAsync(GatewayRequest request, ApiRoutePolicy route, string client, RateLimitPolicy policy,
        ValueTask<RateLimitDecision> acquiring) =>
        await Decide(request, route, client, policy, await acquiring);

    private ValueTask<bool> Decide(GatewayRequest request, ApiRoutePolicy route, string client, RateLimitPolicy policy, RateLimitDecision decision)
    {
        request.SetRateLimit(policy, decision.Remaining);
        if (!decision.Admitted)
        {
            return EdgeSteps.Refuse(RateLimitErrors.WriteTooManyRequestsAsync(request.Context, decision,
                $"The {policy.Plan} plan allows {policy.Requests} requests per {policy.WindowSeconds} s on the {route.Api} API", policy.Plan));
        }
        usage.Record(new UsageKey(route.Api, request.Major!.Value, client));
        return ValueTask.FromResult(true);
    }
}
