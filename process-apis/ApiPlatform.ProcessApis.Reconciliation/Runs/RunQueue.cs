using ApiPlatform.Contracts.Reconciliation;
using ApiPlatform.ProcessApis.Reconciliation.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

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

    /// <summary>
    /// Queues a run of the period, or answers the run that is already queued or running for it (<c>Queued: false</c>):
    /// the database admits one active run per tenant and period, so of two simultaneous requests one queues and the
    /// other is told about it.
    /// </summary>
    public async Task<(RunEntity Run, bool Queued)> EnqueueAsync(
        string tenant, string period, string trigger, string requestedBy, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (await ActiveAsync(tenant, period, cancellationToken) is { } active)
            {
                return (active, false);
            }
            var run = new RunEntity
            {
                Id = $"run-{Guid.NewGuid():N}", Tenant = tenant, Period = period, Trigger = trigger, RequestedBy = requestedBy,
                Status = RunStatus.Queued, CreatedAt = time.GetUtcNow(),
            };
            db.Runs.Add(run);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return (run, true);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another request queued the period between the check and the insert (the unique active-run index);
                // the next pass finds its run. A run that ended in between lets this one queue.
                db.Entry(run).State = EntityState.Detached;
            }
        }
    }

    /// <summary>
    /// Queues a scheduled run unless another replica queued the same tick's run first (its tick key is unique) or the
    /// period already has a queued or running run (one active run per period); the insert that loses does nothing,
    /// instead of failing. Answers whether this call queued it.
    /// </summary>
    public async Task<bool> TryEnqueueTickAsync(string tenant, string period, string tickKey, CancellationToken cancellationToken)
    {
        var id = $"run-{Guid.NewGuid():N}";
        var createdAt = (long)new DateTimeOffsetToBinaryConverter().ConvertToProvider(time.GetUtcNow())!;
        var status = RunStatus.Queued.ToString();
        const string noFindings = "{}";
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO runs ("Id", "Tenant", "Period", "Trigger", "RequestedBy", "TickKey", "Status", "CreatedAt", "Attempts", "DocumentsCompared", "ExceptionsByKind", "NewExceptions")
            VALUES ({id}, {tenant}, {period}, {Schedule}, {Schedule}, {tickKey}, {status}, {createdAt}, 0, 0, {noFindings}, 0)
            ON CONFLICT DO NOTHING
            """, cancellationToken);
        return inserted == 1;
    }
}
