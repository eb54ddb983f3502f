using ApiPlatform.Workflows.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Workflows.Monitoring;

/// <summary>Refreshes the instances-by-status gauge on <c>Workflows:MonitorInterval</c>.</summary>
internal sealed class WorkflowMonitor(
    IServiceScopeFactory scopes, WorkflowTelemetry telemetry, IOptions<WorkflowOptions> options, TimeProvider clock, ILogger<WorkflowMonitor> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var counts = await scope.ServiceProvider.GetRequiredService<IWorkflowClient>().CountAsync(stoppingToken);
                telemetry.SetCounts(counts.SelectMany(t => t.Value.Select(s => (t.Key, s.Key, s.Value))).ToDictionary(c => (c.Item1, c.Item2), c => c.Item3));
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Workflow instance counts could not be read");
            }
            await Task.Delay(options.Value.MonitorInterval, clock, stoppingToken);
        }
    }
}
