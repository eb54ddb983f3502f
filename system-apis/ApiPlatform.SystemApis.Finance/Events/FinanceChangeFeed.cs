using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.Messaging.Outbox;
using ApiPlatform.SystemApis.Finance.Data;

namespace ApiPlatform.SystemApis.Finance.Events;

/// <summary>
/// Where finance announces its state changes through the outbox of its own database. Each method only adds the event to
/// the request's unit of work: the handler's one <c>SaveChanges</c> commits it with the change, and a write refused
/// before that (409, 422) publishes nothing.
/// </summary>
public sealed class FinanceChangeFeed(IEventPublisher publisher, TimeProvider time)
{
    public void Invoiced(InvoiceEntity invoice) => publisher.Publish(InvoiceIssued.From(FinanceMapping.ToContract(invoice)));

    public void Voided(InvoiceEntity invoice, string reason) =>
        publisher.Publish(InvoiceVoided.From(FinanceMapping.ToContract(invoice), reason, time.GetUtcNow()));

    public void Credited(CreditNoteEntity note, InvoiceEntity invoice) =>
        publisher.Publish(CreditNoteIssued.From(FinanceMapping.ToContract(note), FinanceMapping.ToContract(invoice)));

    public void Received(PaymentEntity payment) => publisher.Publish(PaymentRecorded.From(FinanceMapping.ToContract(payment)));

    public void Applied(PaymentEntity payment, int firstNewSequence)
    {
        var contract = FinanceMapping.ToContract(payment);
        var added = payment.Applications.Where(a => a.Sequence >= firstNewSequence).OrderBy(a => a.Sequence)
            .Select(a => new PaymentApplication(a.InvoiceId, new Money(a.Amount, payment.Currency), a.AppliedAt)).ToList();
        if (added.Count > 0)
        {
            publisher.Publish(new PaymentApplied(payment.Id, payment.Tenant, payment.AccountId, added, contract.Unapplied, contract.Source, time.GetUtcNow()));
        }
    }

    public void Posted(BillingEventEntity billingEvent, JournalEntryEntity entry) => publisher.Publish(new BillingEventPosted(
        billingEvent.Id, billingEvent.Tenant, billingEvent.Type, entry.Id, entry.Number, billingEvent.CustomerId, billingEvent.SubscriptionId,
        billingEvent.InvoiceId, new Money(billingEvent.Amount ?? 0m, entry.Currency), billingEvent.Tax is { } tax ? new Money(tax, entry.Currency) : null,
        new SourceReference(billingEvent.SourceSystem, billingEvent.SourceId), billingEvent.OccurredAt, entry.PostedAt));
}
