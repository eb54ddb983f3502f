namespace ApiPlatform.Contracts.Erp;

public sealed record Shipment(
    string Id,
    string Tenant,
    string Number,
    string SalesOrderId,
    string Warehouse,
    string? Carrier,
    string? TrackingNumber,
    IReadOnlyList<ShipmentLine> Lines,
    DateTimeOffset ShippedAt,
    SourceReference Source);

public sealed record ShipmentLine(int LineNumber, string Sku, decimal Quantity);
