using ApiPlatform.Contracts.Reconciliation;
using ApiPlatform.ProcessApis.Reconciliation.Data;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.ProcessApis.Reconciliation.Runs;

/// <summary>Queues runs; a replica's <see cref="RunWorker"/> picks them up in the background.</summary>
public sealed class RunQueue(ReconciliationDbContext db, TimeProvider time)
{
    public const string Manual = "manual";
    public const string Schedule = "schedule";

    /// <summary>The run of the period that is queued or running, if any.</summary>
    public Task<RunEntity?> ActiveAsync(string tenant, string period, CancellationToken cancellationToken) =>
        db.Runs.AsNoTracking().FirstOrDefaultAsync(
            r => r.Tenant == tenant && r.Period == period && (r.Status == RunStatus.Queued || r.Status == RunStatus.Running), cancellationToken);

    public async Task<RunEntity> EnqueueAsync(string tenant, string period, string trigger, string requestedBy, string? tickKey, CancellationToken cancellationToken)
    {
        var run = new RunEntity
        {
            Id = $"run-{Guid.NewGuid():N}", Tenant = tenant, Period = period, Trigger = trigger, RequestedBy = requestedBy, TickKey = tickKey,
            Status = RunStatus.Queued, CreatedAt = time.GetUtcNow(),
        };
        db.Runs.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        return run;
    }
}
