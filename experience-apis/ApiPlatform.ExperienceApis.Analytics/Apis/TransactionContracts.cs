namespace ApiPlatform.ExperienceApis.Analytics.Apis;

/// <summary>
/// A business transaction: where it stands, what it waits for on which system (and whether that wait exceeded its
/// SLA), and the documents its events revealed.
/// </summary>
public sealed record Transaction(
    string Id, string Tenant, string Kind, string Status, DateTimeOffset StartedAt, DateTimeOffset LastProgressAt)
{
    public DateTimeOffset? EndedAt { get; init; }
    public string? Stage { get; init; }
    public string? WaitingOn { get; init; }
    public string? LastStep { get; init; }
    public DateTimeOffset? DueAt { get; init; }
    public bool Stalled { get; init; }
    public string? Reason { get; init; }
    public string? CorrelationId { get; init; }
    public decimal? Amount { get; init; }
    public string? Currency { get; init; }
    public TransactionDocuments Documents { get; init; } = new();
}

/// <summary>The documents of the transaction in each system, as its events revealed them.</summary>
public sealed record TransactionDocuments
{
    public string? QuoteId { get; init; }
    public string? SalesOrderId { get; init; }
    public string? InvoiceId { get; init; }
    public string? PurchaseOrderId { get; init; }
    public string? SupplierInvoiceId { get; init; }
}

/// <summary>One system's event on a transaction's timeline.</summary>
public sealed record TimelineEntry(
    string EventId, string System, string EventType, DateTimeOffset At, string Document, string? Step, string? Status, string? Detail,
    string? CorrelationId);

/// <summary>A transaction and every system's events on it, oldest first.</summary>
public sealed record TransactionTimeline(Transaction Transaction, IReadOnlyList<TimelineEntry> Entries);
