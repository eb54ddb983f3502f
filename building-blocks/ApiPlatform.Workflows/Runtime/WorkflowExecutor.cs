using ApiPlatform.Workflows.Configuration;
using ApiPlatform.Workflows.Monitoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Workflows.Runtime;

internal sealed class WorkflowExecutor<TContext, TWorkflow, TState>(
    IServiceScopeFactory scopes, IOptions<WorkflowOptions> options, TimeProvider clock, WorkflowTelemetry telemetry,
    ILogger<WorkflowExecutor<TContext, TWorkflow, TState>> logger) : IWorkflowExecutor
    where TContext : DbContext
    where TWorkflow : class, IWorkflow<TState>
    where TState : class
{
    public IReadOnlyList<string> StepNames(IServiceProvider services) =>
        services.GetRequiredService<TWorkflow>().Steps.Select(s => s.Name).ToList();

    public async Task RunAsync(string instanceId, long fence, string owner, CancellationToken stopping)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var workflow = scope.ServiceProvider.GetRequiredService<TWorkflow>();
        var run = await InstanceRun<TState>.LoadAsync(db, workflow, instanceId, fence, options.Value, clock, telemetry, logger, stopping);
        if (run is null)
        {
            return;
        }

        try
        {
            await run.RunAsync(stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            await run.ReleaseAfterStopAsync();
        }
    }
}
