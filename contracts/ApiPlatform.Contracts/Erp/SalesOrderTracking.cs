namespace ApiPlatform.Contracts.Erp;

/// <summary>Where an order stands: its status, the reason it was cancelled, and its shipments.</summary>
public sealed record SalesOrderTracking(
    string SalesOrderId,
    string Number,
    SalesOrderStatus Status,
    string? CancellationReason,
    IReadOnlyList<Shipment> Shipments,
    DateTimeOffset UpdatedAt);
