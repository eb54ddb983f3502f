using ApiPlatform.Contracts.Events;

namespace ApiPlatform.Contracts.Finance;

/// <summary>
/// A billing event of a subscription billing system moved money and was posted to the general ledger:
/// <c>Source</c> is the billing system's own event (e.g. Stripe's <c>evt_…</c>), the trace from the journal entry back to it.
/// </summary>
public sealed record BillingEventPosted(
    string BillingEventId,
    string Tenant,
    BillingEventType Type,
    string JournalEntryId,
    string JournalEntryNumber,
    string? CustomerId,
    string? SubscriptionId,
    string? InvoiceId,
    Money Amount,
    Money? Tax,
    SourceReference Source,
    DateTimeOffset OccurredAt,
    DateTimeOffset PostedAt) : IIntegrationEvent
{
    public static string EventType => "finance.billing-event.posted.v1";

    public string Subject => BillingEventId;
}
