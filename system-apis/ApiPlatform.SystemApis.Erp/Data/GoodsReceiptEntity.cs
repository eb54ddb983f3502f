using ApiPlatform.ServiceDefaults.Data;

namespace ApiPlatform.SystemApis.Erp.Data;

public sealed class GoodsReceiptEntity : ITenantOwned
{
    public required string Id { get; init; }
    public required string Tenant { get; init; }
    public required string Number { get; init; }
    public required string PurchaseOrderId { get; init; }
    public required string Warehouse { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    public List<GoodsReceiptLineEntity> Lines { get; init; } = [];
}

public sealed class GoodsReceiptLineEntity
{
    public int PurchaseOrderLineNumber { get; init; }
    public required string Sku { get; init; }
    public decimal Quantity { get; init; }
}
