using ApiPlatform.Contracts.Events;

namespace ApiPlatform.Contracts.Finance;

/// <summary>An invoice was issued to a customer: it is now owed and counts against the customer's credit line.</summary>
public sealed record InvoiceIssued(
    string InvoiceId,
    string Tenant,
    string Number,
    string AccountId,
    string? SalesOrderId,
    Money Subtotal,
    Money Tax,
    Money Total,
    DateTimeOffset DueAt,
    SourceReference Source,
    DateTimeOffset IssuedAt) : IIntegrationEvent
{
    public static string EventType => "finance.invoice.issued.v1";

    public string Subject => InvoiceId;

    public static InvoiceIssued From(Invoice invoice) => new(
        invoice.Id, invoice.Tenant, invoice.Number, invoice.AccountId, invoice.SalesOrderId, invoice.Subtotal, invoice.Tax, invoice.Total,
        invoice.DueAt, invoice.Source, invoice.IssuedAt);
}
