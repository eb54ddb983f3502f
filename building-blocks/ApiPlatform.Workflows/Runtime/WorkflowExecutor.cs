using ApiPlatform.Workflows.Configuration;
using ApiPlatform.Workflows.Monitoring;
using ApiPlatform.Workflows.Persistence;
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

    /// <summary>Extends the lease while a step runs (its own scope: the run's DbContext may be in use); false once the claim is lost.</summary>
    private async Task<bool> RenewLeaseAsync(string instanceId, long fence, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var until = clock.GetUtcNow().ToUnixTimeMilliseconds() + (long)options.Value.LeaseDuration.TotalMilliseconds;
        return await scope.ServiceProvider.GetRequiredService<TContext>().Set<WorkflowInstance>()
            .Where(i => i.Id == instanceId && i.Fence == fence)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.LeaseUntil, until), cancellationToken) == 1;
    }

    public async Task RunAsync(string instanceId, long fence, string owner, CancellationToken stopping)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var workflow = scope.ServiceProvider.GetRequiredService<TWorkflow>();
        var run = await InstanceRun<TState>.LoadAsync(
            db, workflow, instanceId, fence, options.Value, clock, telemetry, logger, cancellationToken => RenewLeaseAsync(instanceId, fence, cancellationToken), stopping);
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
