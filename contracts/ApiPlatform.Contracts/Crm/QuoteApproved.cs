using ApiPlatform.Contracts.Events;

namespace ApiPlatform.Contracts.Crm;

/// <summary>A quote was approved in a CRM: it may now be ordered (quote-to-cash), at once when <c>OrderOnApproval</c>.</summary>
public sealed record QuoteApproved(
    string QuoteId,
    string Tenant,
    string AccountId,
    string Number,
    Money Total,
    SourceReference Source,
    DateTimeOffset ApprovedAt,
    bool OrderOnApproval = false) : IIntegrationEvent
{
    public static string EventType => "crm.quote.approved.v1";

    public string Subject => QuoteId;

    public static QuoteApproved From(Quote quote, DateTimeOffset approvedAt) =>
        new(quote.Id, quote.Tenant, quote.AccountId, quote.Number, quote.Total, quote.Source, approvedAt, quote.OrderOnApproval);
}
