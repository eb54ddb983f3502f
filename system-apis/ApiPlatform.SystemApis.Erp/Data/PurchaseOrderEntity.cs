using ApiPlatform.Contracts.Erp;
using ApiPlatform.ServiceDefaults.Data;

namespace ApiPlatform.SystemApis.Erp.Data;

public sealed class PurchaseOrderEntity : ITenantOwned
{
    public required string Id { get; init; }
    public required string Tenant { get; init; }
    public required string Number { get; init; }
    public required string SupplierId { get; init; }
    public PurchaseOrderStatus Status { get; set; }
    public required string Currency { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
    public required string IdempotencyKey { get; init; }
    public List<PurchaseOrderLineEntity> Lines { get; init; } = [];
}

public sealed class PurchaseOrderLineEntity
{
    public int LineNumber { get; init; }
    public required string Sku { get; init; }
    public required string Description { get; init; }
    public decimal Quantity { get; init; }
    public decimal ReceivedQuantity { get; set; }
    public decimal UnitPrice { get; init; }
}
