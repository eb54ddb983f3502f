using ApiPlatform.Contracts.Events;

namespace ApiPlatform.Contracts.Finance;

/// <summary>An invoice was voided before anything was paid or credited on it: nothing is owed on it any more.</summary>
public sealed record InvoiceVoided(
    string InvoiceId,
    string Tenant,
    string Number,
    string AccountId,
    string? SalesOrderId,
    Money Total,
    string Reason,
    SourceReference Source,
    DateTimeOffset VoidedAt) : IIntegrationEvent
{
    public static string EventType => "finance.invoice.voided.v1";

    public string Subject => InvoiceId;

    public static InvoiceVoided From(Invoice invoice, string reason, DateTimeOffset voidedAt) => new(
        invoice.Id, invoice.Tenant, invoice.Number, invoice.AccountId, invoice.SalesOrderId, invoice.Total, reason, invoice.Source, voidedAt);
}
