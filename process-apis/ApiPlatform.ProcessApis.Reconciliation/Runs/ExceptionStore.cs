using System.Text.Json;
using ApiPlatform.Contracts.Reconciliation;
using ApiPlatform.Messaging.Outbox;
using ApiPlatform.ProcessApis.Reconciliation.Comparison;
using ApiPlatform.ProcessApis.Reconciliation.Data;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.ProcessApis.Reconciliation.Runs;

/// <summary>
/// Keeps one exception per (tenant, kind, documents): a finding updates the exception it is, a resolved exception stays
/// resolved while its fingerprint is the same and reopens when it changes, and open exceptions of the period that a run
/// no longer finds are cleared. Each opening (new or reopened), resolution and clearing is published as an integration
/// event in the transaction that records it.
/// </summary>
public sealed class ExceptionStore(ReconciliationDbContext db, IEventPublisher events, TimeProvider time)
{
    private const int Batch = 500;

    /// <summary>Records a run's findings; answers how many were new or reopened.</summary>
    public async Task<int> RecordRunAsync(string runId, string tenant, string period, IReadOnlyList<Finding> findings, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var actor = $"run:{runId}";
        var changed = 0;
        foreach (var chunk in findings.DistinctBy(f => f.IdFor(tenant)).Chunk(Batch))
        {
            var ids = chunk.Select(f => f.IdFor(tenant)).ToList();
            var existing = await db.Exceptions.Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
            foreach (var finding in chunk)
            {
                var id = finding.IdFor(tenant);
                if (existing.TryGetValue(id, out var exception))
                {
                    if (Apply(exception, finding, runId, now, actor))
                    {
                        Opened(exception, finding, reopened: true, runId, now);
                        changed++;
                    }
                }
                else
                {
                    var added = New(id, tenant, period, finding, runId, now);
                    db.Exceptions.Add(added);
                    db.ExceptionActivity.Add(Activity(id, now, "found", actor, null));
                    Opened(added, finding, reopened: false, runId, now);
                    changed++;
                }
                db.RunFindings.Add(new RunFindingEntity { RunId = runId, ExceptionId = id });
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        while (await db.Exceptions.Where(e => e.Tenant == tenant && e.Period == period && e.Status == ExceptionStatus.Open && e.LastRunId != runId)
            .OrderBy(e => e.Id).Take(Batch).ToListAsync(cancellationToken) is { Count: > 0 } gone)
        {
            foreach (var exception in gone)
            {
                exception.Status = ExceptionStatus.Cleared;
                db.ExceptionActivity.Add(Activity(exception.Id, now, "cleared", actor, "No longer found."));
                Cleared(exception, runId, now);
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        return changed;
    }

    /// <summary>A re-check of one exception: <paramref name="finding"/> is what the rules find of its documents now, if anything.</summary>
    public async Task RecheckAsync(ExceptionEntity exception, Finding? finding, string actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (finding is null)
        {
            if (exception.Status == ExceptionStatus.Open)
            {
                exception.Status = ExceptionStatus.Cleared;
                Cleared(exception, null, now);
            }
            db.ExceptionActivity.Add(Activity(exception.Id, now, "rechecked", actor, "The discrepancy is no longer there."));
        }
        else
        {
            if (Apply(exception, finding, exception.LastRunId, now, actor))
            {
                Opened(exception, finding, reopened: true, null, now);
            }
            db.ExceptionActivity.Add(Activity(exception.Id, now, "rechecked", actor, "The discrepancy is still there."));
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task ResolveAsync(ExceptionEntity exception, string note, string actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        exception.Status = ExceptionStatus.Resolved;
        exception.ResolutionNote = note;
        exception.ResolvedBy = actor;
        exception.ResolvedAt = now;
        db.ExceptionActivity.Add(Activity(exception.Id, now, "resolved", actor, note));
        events.Publish(new ReconciliationExceptionResolved(
            exception.Id, exception.Tenant, exception.Period, exception.Kind, DocumentsOf(exception), actor, note, now));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Updates a known exception from a new finding; true when it was reopened.</summary>
    private bool Apply(ExceptionEntity exception, Finding finding, string runId, DateTimeOffset now, string actor)
    {
        var dataChanged = exception.Fingerprint != finding.Fingerprint;
        exception.LastRunId = runId;
        exception.LastFoundAt = now;
        exception.Detail = finding.Detail;
        exception.Documents = JsonSerializer.Serialize(finding.Documents);
        exception.Fingerprint = finding.Fingerprint;
        var reopen = exception.Status switch
        {
            ExceptionStatus.Resolved when dataChanged => "The compared data changed since it was resolved.",
            ExceptionStatus.Cleared => "Found again.",
            _ => null,
        };
        if (reopen is null)
        {
            return false;
        }
        exception.Status = ExceptionStatus.Open;
        exception.ResolutionNote = exception.ResolvedBy = null;
        exception.ResolvedAt = null;
        db.ExceptionActivity.Add(Activity(exception.Id, now, "reopened", actor, reopen));
        return true;
    }

    private void Opened(ExceptionEntity exception, Finding finding, bool reopened, string? runId, DateTimeOffset now) =>
        events.Publish(new ReconciliationExceptionOpened(
            exception.Id, exception.Tenant, exception.Period, exception.Kind, finding.Documents, finding.Amount, finding.Detail, reopened, runId, now));

    private void Cleared(ExceptionEntity exception, string? runId, DateTimeOffset now) =>
        events.Publish(new ReconciliationExceptionCleared(exception.Id, exception.Tenant, exception.Period, exception.Kind, DocumentsOf(exception), runId, now));

    private static IReadOnlyList<DocumentReference> DocumentsOf(ExceptionEntity exception) =>
        JsonSerializer.Deserialize<List<DocumentReference>>(exception.Documents) ?? [];

    private static ExceptionEntity New(string id, string tenant, string period, Finding finding, string runId, DateTimeOffset now) => new()
    {
        Id = id, Tenant = tenant, Period = period, Kind = finding.Kind, DocumentKey = finding.DocumentKey, Status = ExceptionStatus.Open,
        Detail = finding.Detail, Documents = JsonSerializer.Serialize(finding.Documents), Fingerprint = finding.Fingerprint,
        FirstRunId = runId, LastRunId = runId, FirstFoundAt = now, LastFoundAt = now,
    };

    private static ExceptionActivityEntity Activity(string exceptionId, DateTimeOffset at, string action, string actor, string? note) =>
        new() { ExceptionId = exceptionId, At = at, Action = action, Actor = actor, Note = note };
}
