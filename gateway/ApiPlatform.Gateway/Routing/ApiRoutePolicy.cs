using System.Collections.Frozen;
using ApiPlatform.Catalog;
using ApiPlatform.Gateway.Edge;
using ApiPlatform.Gateway.Idempotency;
using ApiPlatform.Gateway.Lifecycle;
using ApiPlatform.Gateway.RateLimiting;

namespace ApiPlatform.Gateway.Routing;

/// <summary>
/// What the gateway enforces on one API's route, computed once from the catalog and the options and attached to the
/// route as endpoint metadata: the scope, the versions' lifecycle, the limit of every plan (catalog overrides
/// applied), idempotency and body limit.
/// </summary>
internal sealed class ApiRoutePolicy : EdgeRoute
{
    public ApiRoutePolicy(ApiDefinition api, ApiLifecycle lifecycle, GatewayOptions gateway, RateLimitingOptions limiting)
    {
        Api = api.Name;
        Lifecycle = lifecycle;
        Idempotency = IdempotencyModes.Parse(api.Policies.Idempotency);
        BodyLimitBytes = api.Policies.BodyLimitBytes;
        // An in-flight record outlives the slowest answer the upstream may give, and no more.
        InFlightLifetime = TimeSpan.FromSeconds(api.Policies.TimeoutSeconds + 10);
        Plans = gateway.Plans.ToFrozenDictionary(
            plan => plan.Key,
            plan => api.Policies.PlanOverrides.TryGetValue(plan.Key, out var limit)
                ? new RateLimitPolicy(plan.Key, limit.Requests, limit.WindowSeconds, limit.Burst, gateway.ReplicaCount, limiting.MaxBatch)
                : new RateLimitPolicy(plan.Key, plan.Value.Requests, plan.Value.WindowSeconds, plan.Value.Burst, gateway.ReplicaCount, limiting.MaxBatch),
            StringComparer.Ordinal);
        DefaultPlan = Plans[gateway.DefaultPlan];
    }

    public override string Api { get; }
    public override string Upstream => $"{Api} API";
    public override string BodyLimitSubject => $"{Api} API";
    public override string Scope => Lifecycle.Scope;
    public ApiLifecycle Lifecycle { get; }
    public IdempotencyMode Idempotency { get; }
    public override long BodyLimitBytes { get; }
    public TimeSpan InFlightLifetime { get; }
    public FrozenDictionary<string, RateLimitPolicy> Plans { get; }
    public RateLimitPolicy DefaultPlan { get; }

    public RateLimitPolicy PolicyFor(string? plan) =>
        plan is not null && Plans.TryGetValue(plan, out var policy) ? policy : DefaultPlan;
}
