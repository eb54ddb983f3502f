using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ApiPlatform.Gateway.Lifecycle;

/// <summary>Readiness detail: whether this replica's lifecycle snapshot is in step with the store.</summary>
internal sealed class LifecycleSyncHealthCheck(LifecycleSync sync, ApiLifecycleRegistry registry) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(sync.LastError is { } error
            ? HealthCheckResult.Degraded($"Lifecycle overrides of revision {registry.Revision} stay in force; the store is unreachable: {error}")
            : HealthCheckResult.Healthy($"Lifecycle overrides in force: revision {registry.Revision}."));
}
