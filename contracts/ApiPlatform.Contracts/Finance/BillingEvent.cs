namespace ApiPlatform.Contracts.Finance;

/// <summary>
/// Something that happened in the subscription billing system, in canonical form; <c>Source</c> names the vendor's
/// event id, and <c>JournalEntryId</c> the ledger entry made from it, if it moves money.
/// </summary>
public sealed record BillingEvent(
    string Id,
    string Tenant,
    BillingEventType Type,
    DateTimeOffset OccurredAt,
    string? CustomerId,
    string? SubscriptionId,
    string? InvoiceId,
    Money? Amount,
    Money? Tax,
    string? JournalEntryId,
    SourceReference Source);
