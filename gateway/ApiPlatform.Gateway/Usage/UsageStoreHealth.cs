using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ApiPlatform.Gateway.Usage;

/// <summary>Readiness detail: whether the last write to the shared usage store worked. Degraded, never unhealthy.</summary>
internal sealed class UsageStoreHealth : IHealthCheck
{
    private volatile string? lastError;

    public void Succeeded() => lastError = null;

    public void Failed(string error) => lastError = error;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lastError is null
            ? HealthCheckResult.Healthy("Consumer usage is written to the shared store.")
            : HealthCheckResult.Degraded($"Consumer usage is kept locally until the shared store is back: {lastError}"));
}
