using ApiPlatform.Contracts.Finance;
using ApiPlatform.ServiceDefaults.Data;

namespace ApiPlatform.SystemApis.Finance.Data;

/// <summary>A customer of the embedded subscription billing system.</summary>
public sealed class BillingCustomerEntity : ITenantOwned
{
    public required string Id { get; init; }
    public required string Tenant { get; init; }
    public required string AccountId { get; init; }
    public required string Name { get; init; }
    public required string Email { get; init; }
    public required string CreationKey { get; init; }
}

/// <summary>A subscription of the embedded billing system to a price of its catalog.</summary>
public sealed class SubscriptionEntity : ITenantOwned
{
    public required string Id { get; init; }
    public required string Tenant { get; init; }
    public required string CustomerId { get; init; }
    public SubscriptionStatus Status { get; set; }
    public required string PriceId { get; init; }
    public decimal Quantity { get; init; }
    public decimal UnitAmount { get; init; }
    public required string Currency { get; init; }
    public required string Interval { get; init; }
    public DateTimeOffset CurrentPeriodStart { get; set; }
    public DateTimeOffset CurrentPeriodEnd { get; set; }
    public DateTimeOffset? CanceledAt { get; set; }
    public required string CreationKey { get; init; }
}

/// <summary>A billing event as recorded in finance (once per source event), with the journal entry made from it.</summary>
public sealed class BillingEventEntity : ITenantOwned
{
    public required string Id { get; init; }
    public required string Tenant { get; init; }
    public BillingEventType Type { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public string? CustomerId { get; init; }
    public string? SubscriptionId { get; init; }
    public string? InvoiceId { get; init; }
    public string? Currency { get; init; }
    public decimal? Amount { get; init; }
    public decimal? Tax { get; init; }
    public string? JournalEntryId { get; set; }
    public required string SourceSystem { get; init; }
    public required string SourceId { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
}
