using System.Globalization;
using ApiPlatform.Contracts.Reconciliation;
using ApiPlatform.ExperienceApis.Analytics.Data;
using ApiPlatform.Messaging.Consumers;
using ReconciledDocument = ApiPlatform.Contracts.Reconciliation.DocumentReference;

namespace ApiPlatform.ExperienceApis.Analytics.Projections;

/// <summary>
/// Reconciliation's events: each completed run and each change of an exception as a row keyed by its event id (for the
/// KPIs), the exception's latest state (open or not, its amount; the latest event wins whatever order they arrive in),
/// and a timeline entry on the sales order or invoice it concerns, so the exception shows on that business transaction's
/// timeline.
/// </summary>
internal sealed class ProjectReconciliation(AnalyticsDbContext db, TransactionProjector projector) :
    IEventHandler<ReconciliationRunCompleted>, IEventHandler<ReconciliationExceptionOpened>,
    IEventHandler<ReconciliationExceptionResolved>, IEventHandler<ReconciliationExceptionCleared>
{
    public Task HandleAsync(ReconciliationRunCompleted e, EventContext context, CancellationToken cancellationToken)
    {
        db.ReconciliationRuns.Add(new ReconciliationRunEntity
        {
            Id = e.RunId, Tenant = e.Tenant, Period = e.Period, Trigger = e.Trigger, DocumentsCompared = e.DocumentsCompared,
            ExceptionsFound = e.ExceptionsFound, NewOrReopened = e.NewOrReopened, CompletedAt = e.CompletedAt.ToUnixTimeMilliseconds(),
        });
        return Task.CompletedTask;
    }

    public async Task HandleAsync(ReconciliationExceptionOpened e, EventContext context, CancellationToken cancellationToken)
    {
        var action = e.Reopened ? "reopened" : "opened";
        var at = e.OpenedAt.ToUnixTimeMilliseconds();
        Record(e.ExceptionId, e.Tenant, e.Period, e.Kind, action, e.Amount.Amount, e.Amount.Currency, context, at);
        var exception = await db.ReconciliationExceptions.FindAsync([e.ExceptionId], cancellationToken);
        if (exception is null)
        {
            db.ReconciliationExceptions.Add(new ReconciliationExceptionEntity
            {
                Id = e.ExceptionId, Tenant = e.Tenant, Period = e.Period, Kind = e.Kind.ToString(), Open = true,
                Amount = e.Amount.Amount, Currency = e.Amount.Currency, ChangedAt = at,
            });
        }
        else if (at >= exception.ChangedAt)
        {
            (exception.Open, exception.Amount, exception.Currency, exception.ChangedAt) = (true, e.Amount.Amount, e.Amount.Currency, at);
        }
        else if (exception.Currency.Length == 0)
        {
            // Closed by a later event that arrived first: it stays closed, and now has the amount it was opened with.
            (exception.Amount, exception.Currency) = (e.Amount.Amount, e.Amount.Currency);
        }
        OnTimeline(e.Documents, e.Tenant, context, e.OpenedAt,
            string.Create(CultureInfo.InvariantCulture, $"reconciliation exception {action}: {e.Kind}, {e.Amount.Amount:0.00} {e.Amount.Currency} ({e.Detail})"));
    }

    public Task HandleAsync(ReconciliationExceptionResolved e, EventContext context, CancellationToken cancellationToken) =>
        ClosedAsync(e.ExceptionId, e.Tenant, e.Period, e.Kind, e.Documents, "resolved", e.ResolvedAt, context,
            $"reconciliation exception resolved by {e.ResolvedBy}: {e.Kind} ({e.Note})", cancellationToken);

    public Task HandleAsync(ReconciliationExceptionCleared e, EventContext context, CancellationToken cancellationToken) =>
        ClosedAsync(e.ExceptionId, e.Tenant, e.Period, e.Kind, e.Documents, "cleared", e.ClearedAt, context,
            $"reconciliation exception cleared: {e.Kind} no longer found", cancellationToken);

    private async Task ClosedAsync(
        string id, string tenant, string period, ExceptionKind kind, IReadOnlyList<ReconciledDocument> documents, string action, DateTimeOffset when,
        EventContext context, string detail, CancellationToken cancellationToken)
    {
        var at = when.ToUnixTimeMilliseconds();
        Record(id, tenant, period, kind, action, null, null, context, at);
        var exception = await db.ReconciliationExceptions.FindAsync([id], cancellationToken);
        if (exception is null)
        {
            // Its opening has not been applied yet (events of a rebuild's replay and live ones can interleave, and a
            // retried event comes late): record it closed as of now, so that the earlier opening cannot reopen it.
            db.ReconciliationExceptions.Add(new ReconciliationExceptionEntity
            {
                Id = id, Tenant = tenant, Period = period, Kind = kind.ToString(), Open = false, Amount = 0, Currency = "", ChangedAt = at,
            });
        }
        else if (at >= exception.ChangedAt)
        {
            (exception.Open, exception.ChangedAt) = (false, at);
        }
        OnTimeline(documents, tenant, context, when, detail);
    }

    private void Record(
        string id, string tenant, string period, ExceptionKind kind, string action, decimal? amount, string? currency, EventContext context, long at) =>
        db.ReconciliationEvents.Add(new ReconciliationEventEntity
        {
            Id = context.EventId, ExceptionId = id, Tenant = tenant, Period = period, Kind = kind.ToString(), Action = action,
            Amount = amount, Currency = currency, At = at,
        });

    // One entry per event, on the first document a business transaction links (a sales order or an invoice); an
    // exception about payments or journal entries alone concerns no transaction analytics tracks.
    private void OnTimeline(IReadOnlyList<ReconciledDocument> documents, string tenant, EventContext context, DateTimeOffset at, string detail)
    {
        var document = documents.FirstOrDefault(d => d.Type is References.SalesOrder or References.Invoice);
        if (document is not null)
        {
            projector.AddSystemEntry(new DocumentReference(document.Type, document.Id).Key, tenant, context, at, detail);
        }
    }
}
