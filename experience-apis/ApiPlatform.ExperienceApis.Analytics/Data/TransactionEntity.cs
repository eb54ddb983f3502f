using ApiPlatform.ServiceDefaults.Data;

namespace ApiPlatform.ExperienceApis.Analytics.Data;

/// <summary>
/// One business transaction in the read model: a quote-to-cash order request or a procure-to-pay requisition, with
/// the documents its events revealed. Times are Unix milliseconds, so both providers compare and order them.
/// </summary>
public sealed class TransactionEntity : ITenantOwned
{
    public required string Id { get; init; }
    public required string Tenant { get; init; }
    public required string Kind { get; init; }
    public required string Status { get; set; }
    public long StartedAt { get; set; }
    public long LastProgressAt { get; set; }
    public long? EndedAt { get; set; }
    public bool Ended { get; set; }

    /// <summary>What the transaction waits for, the system it waits on, and when that wait exceeds its SLA.</summary>
    public string? Stage { get; set; }
    public string? WaitingOn { get; set; }
    public long? DueAt { get; set; }
    public string? LastStep { get; set; }
    public string? Reason { get; set; }
    public string? CorrelationId { get; set; }

    public string? QuoteId { get; set; }
    public string? SalesOrderId { get; set; }
    public string? InvoiceId { get; set; }
    public string? PurchaseOrderId { get; set; }
    public string? SupplierInvoiceId { get; set; }

    public decimal? Amount { get; set; }
    public string? Currency { get; set; }
    public long? ApprovalRequestedAt { get; set; }
    public long? ApprovalWaitMs { get; set; }
    public long? OrderedAt { get; set; }
    public long? InvoicedAt { get; set; }
    public long? PaidAt { get; set; }
}
