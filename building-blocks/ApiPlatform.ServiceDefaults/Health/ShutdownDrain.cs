using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ApiPlatform.ServiceDefaults.Health;

/// <summary>
/// On SIGTERM the service first says it is not ready (<c>/health/ready</c> answers 503) and keeps serving for
/// <c>Shutdown:DrainDelay</c> (default none) while a load balancer that probes readiness stops sending to it; only then
/// does the listener stop, and the requests in flight finish within the host's shutdown timeout.
/// </summary>
internal sealed class ShutdownDrain(IConfiguration configuration, ILogger<ShutdownDrain> logger) : IHostedLifecycleService, IHealthCheck
{
    private volatile bool stopping;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(stopping ? HealthCheckResult.Unhealthy("The service is stopping.") : HealthCheckResult.Healthy());

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        stopping = true;
        var delay = configuration.GetValue("Shutdown:DrainDelay", TimeSpan.Zero);
        if (delay > TimeSpan.Zero)
        {
            logger.LogInformation("Stopping: not ready, serving for {Delay} more before the listener stops", delay);
            try
            {
                await Task.Delay(delay, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // The host's shutdown timeout ran out: stop now.
            }
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
