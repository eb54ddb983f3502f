using ApiPlatform.Gateway.Edge.Recorders;
using ApiPlatform.Gateway.Edge.Steps;
using ApiPlatform.Gateway.Idempotency;

namespace ApiPlatform.Gateway.Edge;

/// <summary>
/// The gateway's edge policies, per kind of proxied route, in the order they run: read top to bottom; a new policy is a
/// new step (<see cref="IEdgeStep"/>) added here. A step that refuses answers the request and the rest do not run; the
/// recorders see every outcome. Correlation starts before the first step; after the last one the request goes to the
/// route's proxy pipeline (the operations audit, idempotency, forwarding with a safe retry), whose failures are answered
/// as problem+json (502, 503, 504). Every proxied route has a pipeline here; the gateway's own endpoints (catalog,
/// consumers, SLO, lifecycle admin, audit, portal) go through the shared pipeline instead: correlation, problem details,
/// authentication and their scope policies.
/// </summary>
internal sealed class EdgePipelines(IServiceProvider services)
{
    /// <summary>API routes, <c>/{tier}/{api}/v{major}/…</c>.</summary>
    public EdgePipeline Api { get; } = new("api",
        [
            Step<ForwardableMethodStep>(services),  // 405 with Allow
            Step<BodyLimitStep>(services),          // 413
            Step<AuthenticationStep>(services),     // 401, challenged as JwtBearer does
            Step<ScopeStep>(services),              // 403: a caller without the scope learns nothing about the versions
            Step<LifecycleStep>(services),          // 404 unknown or draft, 410 retired; Deprecation, Sunset, Link
            Step<PlanLimitStep>(services),          // 429 per consumer and plan, shared across replicas; usage per version
        ],
        [Recorder<SloMeasurement>(services), Recorder<TrafficAuditing>(services)],
        // Idempotency-Key on POST and PATCH: 400 / 409 / 422 / 503, run once, replay after.
        ActivatorUtilities.GetServiceOrCreateInstance<IdempotentForwarding>(services));

    /// <summary>Webhook routes (a vendor's callbacks; no token, the upstream verifies the vendor's signature).</summary>
    public EdgePipeline Webhook { get; } = new("webhook",
        [
            Step<ForwardableMethodStep>(services),  // 405 with Allow
            Step<BodyLimitStep>(services),          // 413
            Step<SourceLimitStep>(services),        // 429 per source address
        ],
        [Recorder<TrafficAuditing>(services)]);

    /// <summary>The token server's <c>/connect/*</c> endpoints.</summary>
    public EdgePipeline TokenEndpoint { get; } = new("token-endpoint",
        [
            Step<ForwardableMethodStep>(services),  // 405 with Allow
            Step<BodyLimitStep>(services),          // 413
            Step<SourceLimitStep>(services),        // 429 per source address
            Step<SignInLimitStep>(services),        // 429 per source address for sign-in form posts, tighter
        ],
        []);

    /// <summary>Each service's operations endpoints (<c>/{tier}/{api}/messaging/…</c>, <c>/{tier}/{api}/workflows/…</c>).</summary>
    public EdgePipeline Operations { get; } = new("operations",
        [
            Step<ForwardableMethodStep>(services),  // 405 with Allow
            Step<BodyLimitStep>(services),          // 413
            Step<AuthenticationStep>(services),     // 401
            Step<ScopeStep>(services),              // 403 without platform:admin
        ],
        []);

    /// <summary>The token server's discovery document and signing keys.</summary>
    public EdgePipeline Discovery { get; } = new("discovery",
        [
            Step<ForwardableMethodStep>(services),  // 405 with Allow
            Step<BodyLimitStep>(services),          // 413
        ],
        []);

    private static IEdgeStep Step<TStep>(IServiceProvider services) where TStep : IEdgeStep =>
        ActivatorUtilities.GetServiceOrCreateInstance<TStep>(services);

    private static IEdgeRecorder Recorder<TRecorder>(IServiceProvider services) where TRecorder : IEdgeRecorder =>
        ActivatorUtilities.GetServiceOrCreateInstance<TRecorder>(services);
}
