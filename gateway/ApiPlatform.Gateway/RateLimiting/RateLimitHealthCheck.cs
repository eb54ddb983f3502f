using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ApiPlatform.Gateway.RateLimiting;

/// <summary>Readiness detail: whether limits are shared through Redis or enforced per replica. Degraded, never unhealthy.</summary>
internal sealed class RateLimitHealthCheck(SharedLimitState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.IsDegraded
            ? HealthCheckResult.Degraded(
                $"Rate limits are enforced per replica (plan ÷ replica count) since {state.DegradedSince:O}: {state.LastError}")
            : HealthCheckResult.Healthy("Rate limits are shared by every replica."));
}
