using ApiPlatform.Contracts.Events;

namespace ApiPlatform.Contracts.Finance;

/// <summary>
/// Part of an invoice was credited: the customer owes <c>AmountDue</c> on it now. The subject is the invoice, so its
/// events stay in order.
/// </summary>
public sealed record CreditNoteIssued(
    string CreditNoteId,
    string Tenant,
    string Number,
    string InvoiceId,
    string AccountId,
    Money Amount,
    Money AmountDue,
    string Reason,
    SourceReference Source,
    DateTimeOffset IssuedAt) : IIntegrationEvent
{
    public static string EventType => "finance.credit-note.issued.v1";

    public string Subject => InvoiceId;

    public static CreditNoteIssued From(CreditNote note, Invoice invoice) => new(
        note.Id, note.Tenant, note.Number, note.InvoiceId, invoice.AccountId, note.Amount, invoice.AmountDue, note.Reason, note.Source, note.IssuedAt);
}
