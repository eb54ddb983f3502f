using ApiPlatform.ServiceDefaults.Data;

namespace ApiPlatform.SystemApis.Erp.Data;

public sealed class ShipmentEntity : ITenantOwned
{
    public required string Id { get; init; }
    public required string Tenant { get; init; }
    public required string Number { get; init; }
    public required string SalesOrderId { get; init; }
    public required string Warehouse { get; init; }
    public string? Carrier { get; init; }
    public string? TrackingNumber { get; init; }
    public DateTimeOffset ShippedAt { get; init; }
    public List<ShipmentLineEntity> Lines { get; init; } = [];
}

public sealed class ShipmentLineEntity
{
    public int LineNumber { get; init; }
    public required string Sku { get; init; }
    public decimal Quantity { get; init; }
}
