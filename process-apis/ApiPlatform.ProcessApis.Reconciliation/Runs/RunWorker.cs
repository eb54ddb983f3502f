using System.Text.Json;
using ApiPlatform.Contracts.Reconciliation;
using ApiPlatform.Messaging.Outbox;
using ApiPlatform.ProcessApis.Reconciliation.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ApiPlatform.ProcessApis.Reconciliation.Runs;

/// <summary>
/// Runs queued runs in the background, one at a time per replica. A run is claimed with a lease that its replica renews;
/// a run whose replica died is taken over when the lease expires and starts again from the beginning (a run only
/// writes exceptions at its end, and recording them again changes nothing), until <c>MaxAttempts</c>, then it fails.
/// </summary>
public sealed partial class RunWorker(IServiceScopeFactory scopes, TimeProvider time, IOptions<ReconciliationOptions> options, ILogger<RunWorker> logger)
    : BackgroundService
{
    private readonly string owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await ClaimAsync(stoppingToken) is { } run)
                {
                    await RunAsync(run, stoppingToken);
                    continue;
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogPollFailed(logger, ex);
            }
            try
            {
                await Task.Delay(options.Value.PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<RunEntity?> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReconciliationDbContext>();
        var now = time.GetUtcNow();
        var candidates = await db.Runs.AsNoTracking()
            .Where(r => (r.Status == RunStatus.Queued || r.Status == RunStatus.Running) && (r.LeaseUntil == null || r.LeaseUntil < now))
            .OrderBy(r => r.CreatedAt).Take(10).ToListAsync(cancellationToken);
        foreach (var candidate in candidates)
        {
            if (candidate.Attempts >= options.Value.MaxAttempts)
            {
                await Claimable(db, candidate.Id, now).ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.Status, RunStatus.Failed).SetProperty(r => r.FinishedAt, now).SetProperty(r => r.LeaseOwner, (string?)null)
                    .SetProperty(r => r.Error, r => (r.Error ?? "") + $" Gave up after {candidate.Attempts} attempts."), cancellationToken);
                continue;
            }
            var busy = await db.Runs.AnyAsync(r => r.Id != candidate.Id && r.Tenant == candidate.Tenant && r.Period == candidate.Period
                && r.Status == RunStatus.Running && r.LeaseOwner != null && r.LeaseUntil >= now, cancellationToken);
            if (busy)
            {
                continue;
            }
            var until = now + options.Value.LeaseDuration;
            var claimed = await Claimable(db, candidate.Id, now).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, RunStatus.Running).SetProperty(r => r.LeaseOwner, owner).SetProperty(r => r.LeaseUntil, until)
                .SetProperty(r => r.Attempts, r => r.Attempts + 1).SetProperty(r => r.StartedAt, now), cancellationToken);
            if (claimed == 1)
            {
                candidate.StartedAt = now;
                return candidate;
            }
        }
        return null;
    }

    private static IQueryable<RunEntity> Claimable(ReconciliationDbContext db, string id, DateTimeOffset now) =>
        db.Runs.Where(r => r.Id == id && (r.Status == RunStatus.Queued || r.Status == RunStatus.Running) && (r.LeaseUntil == null || r.LeaseUntil < now));

    private async Task RunAsync(RunEntity run, CancellationToken stoppingToken)
    {
        using var lost = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var heartbeat = HeartbeatAsync(run.Id, lost);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var reconciler = scope.ServiceProvider.GetRequiredService<Reconciler>();
            var store = scope.ServiceProvider.GetRequiredService<ExceptionStore>();
            var db = scope.ServiceProvider.GetRequiredService<ReconciliationDbContext>();
            var (findings, compared) = await reconciler.CompareAsync(run.Tenant, ReconciliationPeriod.Parse(run.Period), lost.Token);
            var changed = await store.RecordRunAsync(run.Id, run.Tenant, run.Period, findings, lost.Token);
            var kinds = findings.GroupBy(f => f.Kind.ToString()).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
            var byKind = JsonSerializer.Serialize(kinds);
            var now = time.GetUtcNow();
            // The run is completed and its event written in one transaction: a run whose lease was lost completes nothing.
            await using (var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None))
            {
                var completed = await Owned(db, run.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.Status, RunStatus.Completed).SetProperty(r => r.FinishedAt, now).SetProperty(r => r.DocumentsCompared, compared)
                    .SetProperty(r => r.ExceptionsByKind, byKind).SetProperty(r => r.NewExceptions, changed).SetProperty(r => r.Error, (string?)null)
                    .SetProperty(r => r.LeaseOwner, (string?)null).SetProperty(r => r.LeaseUntil, (DateTimeOffset?)null), CancellationToken.None);
                if (completed == 1)
                {
                    scope.ServiceProvider.GetRequiredService<IEventPublisher>().Publish(new ReconciliationRunCompleted(
                        run.Id, run.Tenant, run.Period, run.Trigger, compared, findings.Count, kinds, changed, run.StartedAt ?? now, now));
                    await db.SaveChangesAsync(CancellationToken.None);
                }
                await transaction.CommitAsync(CancellationToken.None);
            }
            LogCompleted(logger, run.Id, run.Tenant, run.Period, compared, findings.Count, changed);
        }
        catch (Exception ex) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: hand the run back so that a replica starts it again.
            LogReleased(logger, run.Id, ex.GetType().Name);
            await ReleaseAsync(run.Id, null, null);
        }
        catch (Exception ex) when (!lost.IsCancellationRequested)
        {
            LogFailed(logger, ex, run.Id);
            var retryAt = time.GetUtcNow() + options.Value.PollInterval * 5;
            await ReleaseAsync(run.Id, ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message, retryAt);
        }
        catch (OperationCanceledException)
        {
            LogLeaseLost(logger, run.Id);
        }
        finally
        {
            await lost.CancelAsync();
            await heartbeat;
        }
    }

    private IQueryable<RunEntity> Owned(ReconciliationDbContext db, string id) => db.Runs.Where(r => r.Id == id && r.LeaseOwner == owner);

    /// <summary>Gives the run back to the queue: at once, or (after a failure) not before <paramref name="retryAt"/>.</summary>
    private async Task ReleaseAsync(string id, string? error, DateTimeOffset? retryAt)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReconciliationDbContext>();
        // A run handed back at shutdown did not fail: that start does not count against MaxAttempts.
        var spent = error is null ? 1 : 0;
        await Owned(db, id).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, RunStatus.Queued).SetProperty(r => r.LeaseOwner, (string?)null).SetProperty(r => r.LeaseUntil, retryAt)
            .SetProperty(r => r.Attempts, r => r.Attempts - spent).SetProperty(r => r.Error, error), CancellationToken.None);
    }

    private async Task HeartbeatAsync(string id, CancellationTokenSource lost)
    {
        var every = options.Value.LeaseDuration / 3;
        try
        {
            while (true)
            {
                await Task.Delay(every, time, lost.Token);
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ReconciliationDbContext>();
                var until = time.GetUtcNow() + options.Value.LeaseDuration;
                if (await Owned(db, id).ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseUntil, until), lost.Token) == 0)
                {
                    await lost.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            LogHeartbeatFailed(logger, ex, id);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Looking for reconciliation runs failed")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);

    [LoggerMessage(LogLevel.Information, "Run {RunId} of {Tenant} {Period} compared {Documents} documents: {Findings} exceptions, {Changed} new or reopened")]
    private static partial void LogCompleted(ILogger logger, string runId, string tenant, string period, long documents, int findings, int changed);

    [LoggerMessage(LogLevel.Information, "Run {RunId} handed back at shutdown ({Reason})")]
    private static partial void LogReleased(ILogger logger, string runId, string reason);

    [LoggerMessage(LogLevel.Warning, "Run {RunId} failed; it is queued again until its attempts are spent")]
    private static partial void LogFailed(ILogger logger, Exception exception, string runId);

    [LoggerMessage(LogLevel.Warning, "Run {RunId} lost its lease to another replica; this replica stopped it")]
    private static partial void LogLeaseLost(ILogger logger, string runId);

    [LoggerMessage(LogLevel.Warning, "Renewing the lease of run {RunId} failed")]
    private static partial void LogHeartbeatFailed(ILogger logger, Exception exception, string runId);
}
