using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Events;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.Messaging.Outbox;
using ApiPlatform.ServiceDefaults.Data;
using ApiPlatform.SystemApis.Finance.Data;

namespace ApiPlatform.SystemApis.Finance.Events;

/// <summary>
/// Where finance announces its state changes (<c>finance.invoice.*</c>, <c>finance.credit-note.issued.v1</c>,
/// <c>finance.payment.*</c>, <c>finance.billing-event.posted.v1</c>) through the outbox of its own database. Each method
/// adds the event and saves the unit of work, so the change and its event commit together; a write refused before
/// that (409, 422) publishes nothing. <see cref="InTransactionAsync{T}"/> makes several such saves one transaction.
/// </summary>
public sealed class FinanceChangeFeed(FinanceDbContext db, IEventPublisher publisher, TimeProvider time)
{
    public Task<T> InTransactionAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken) =>
        db.InTransactionAsync(write, cancellationToken);

    public Task InvoiceIssuedAsync(Invoice invoice, CancellationToken cancellationToken) => PublishAsync(InvoiceIssued.From(invoice), cancellationToken);

    public Task InvoiceVoidedAsync(Invoice invoice, string reason, CancellationToken cancellationToken) =>
        PublishAsync(InvoiceVoided.From(invoice, reason, time.GetUtcNow()), cancellationToken);

    public Task CreditNoteIssuedAsync(CreditNote note, Invoice invoice, CancellationToken cancellationToken) =>
        PublishAsync(CreditNoteIssued.From(note, invoice), cancellationToken);

    public Task PaymentRecordedAsync(Payment payment, CancellationToken cancellationToken) => PublishAsync(PaymentRecorded.From(payment), cancellationToken);

    /// <summary>The applications of <paramref name="payment"/> after its first <paramref name="earlier"/> were added; none added publishes nothing.</summary>
    public Task PaymentAppliedAsync(Payment payment, int earlier, CancellationToken cancellationToken)
    {
        var added = payment.Applications.Skip(earlier).ToList();
        return added.Count == 0
            ? db.SaveChangesAsync(cancellationToken)
            : PublishAsync(new PaymentApplied(payment.Id, payment.Tenant, payment.AccountId, added, payment.Unapplied, payment.Source, time.GetUtcNow()), cancellationToken);
    }

    public Task BillingEventPostedAsync(BillingEventEntity billingEvent, JournalEntryEntity entry, CancellationToken cancellationToken) => PublishAsync(new BillingEventPosted(
        billingEvent.Id, billingEvent.Tenant, billingEvent.Type, entry.Id, entry.Number, billingEvent.CustomerId, billingEvent.SubscriptionId,
        billingEvent.InvoiceId, new Money(billingEvent.Amount ?? 0m, entry.Currency), billingEvent.Tax is { } tax ? new Money(tax, entry.Currency) : null,
        new SourceReference(billingEvent.SourceSystem, billingEvent.SourceId), billingEvent.OccurredAt, entry.PostedAt), cancellationToken);

    private Task PublishAsync<TEvent>(TEvent integrationEvent, CancellationToken cancellationToken) where TEvent : IIntegrationEvent
    {
        publisher.Publish(integrationEvent);
        return db.SaveChangesAsync(cancellationToken);
    }
}
