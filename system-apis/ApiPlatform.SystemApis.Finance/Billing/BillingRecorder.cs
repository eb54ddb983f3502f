using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.SystemApis.Finance.Data;
using ApiPlatform.SystemApis.Finance.Events;
using ApiPlatform.SystemApis.Finance.Ledger;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.SystemApis.Finance.Billing;

/// <summary>
/// Records canonical billing events in finance, each once, with the journal entry of the money it moved traced back to
/// its source event, announced as <c>finance.billing-event.posted.v1</c>. A batch is saved in one transaction with its
/// events: it is recorded whole or not at all.
/// </summary>
public sealed class BillingRecorder(FinanceDbContext db, GeneralLedger ledger, FinanceChangeFeed changes, TimeProvider time)
{
    public async Task<IReadOnlyList<BillingEventEntity>> RecordAsync(string tenant, IReadOnlyList<BillingEvent> events, CancellationToken cancellationToken)
    {
        var sourceIds = events.Select(e => e.Source.ExternalId).ToList();
        var known = await db.BillingEvents.AsNoTracking().Where(e => e.Tenant == tenant && sourceIds.Contains(e.SourceId))
            .Select(e => e.SourceSystem + "/" + e.SourceId).ToListAsync(cancellationToken);
        return await changes.InTransactionAsync(async () =>
        {
            var recorded = new List<BillingEventEntity>();
            foreach (var billingEvent in events.Where(e => !known.Contains(e.Source.System + "/" + e.Source.ExternalId)).DistinctBy(e => e.Source))
            {
                var entity = new BillingEventEntity
                {
                    Id = billingEvent.Id, Tenant = tenant, Type = billingEvent.Type, OccurredAt = billingEvent.OccurredAt, CustomerId = billingEvent.CustomerId,
                    SubscriptionId = billingEvent.SubscriptionId, InvoiceId = billingEvent.InvoiceId, Currency = billingEvent.Amount?.Currency,
                    Amount = billingEvent.Amount?.Amount, Tax = billingEvent.Tax?.Amount, SourceSystem = billingEvent.Source.System,
                    SourceId = billingEvent.Source.ExternalId, RecordedAt = time.GetUtcNow(),
                };
                db.BillingEvents.Add(entity);
                recorded.Add(entity);
                if (BillingPosting.LinesOf(billingEvent) is { } lines && billingEvent.Amount is { } amount)
                {
                    var entry = await ledger.PostAsync(tenant, DateOnly.FromDateTime(billingEvent.OccurredAt.UtcDateTime),
                        $"{billingEvent.Source.System} {billingEvent.Type} {billingEvent.Source.ExternalId}", amount.Currency, lines,
                        (billingEvent.Source.System, billingEvent.Source.ExternalId), cancellationToken);
                    entity.JournalEntryId = entry.Id;
                    await changes.BillingEventPostedAsync(entity, entry, cancellationToken);
                }
            }
            await db.SaveChangesAsync(cancellationToken);
            return recorded;
        }, cancellationToken);
    }

    /// <summary>The events recorded for <paramref name="tenant"/> after <paramref name="cursor"/>, in id order, at most <paramref name="take"/>.</summary>
    public async Task<CursorPage<BillingEvent>> ListAsync(string tenant, int take, string? cursor, CancellationToken cancellationToken)
    {
        var events = await db.BillingEvents.AsNoTracking().Where(e => e.Tenant == tenant && (cursor == null || e.Id.CompareTo(cursor) > 0))
            .OrderBy(e => e.Id).Take(take + 1).ToListAsync(cancellationToken);
        var items = events.Take(take).Select(FinanceMapping.ToContract).ToList();
        return new CursorPage<BillingEvent>(items, events.Count > take ? items[^1].Id : null);
    }

    /// <summary>Whether the event of <paramref name="source"/> is recorded for <paramref name="tenant"/>.</summary>
    public Task<bool> IsRecordedAsync(string tenant, SourceReference source, CancellationToken cancellationToken) =>
        db.BillingEvents.AsNoTracking().AnyAsync(e => e.Tenant == tenant && e.SourceSystem == source.System && e.SourceId == source.ExternalId, cancellationToken);
}
