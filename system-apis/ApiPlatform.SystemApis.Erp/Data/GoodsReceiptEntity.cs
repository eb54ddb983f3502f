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
    /// <summary>The client that booked it and its Idempotency-Key, if it sent one: one receipt per client and key.</summary>
    public string? CreatedBy { get; init; }
    public string? IdempotencyKey { get; init; }
    public List<GoodsReceiptLineEntity> Lines { get; init; } = [];
}

public sealed class GoodsReceiptLineEntity
{
    public int PurchaseOrderLineNumber { get; init; }
    public required string Sku { get; init; }
    public decimal Quantity { get; init; }
}
