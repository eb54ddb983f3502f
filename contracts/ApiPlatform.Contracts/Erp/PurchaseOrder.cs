namespace ApiPlatform.Contracts.Erp;

public sealed record PurchaseOrder(
    string Id,
    string Tenant,
    string Number,
    string SupplierId,
    PurchaseOrderStatus Status,
    IReadOnlyList<PurchaseOrderLine> Lines,
    Money Total,
    DateTimeOffset CreatedAt,
    SourceReference Source);

public sealed record PurchaseOrderLine(int LineNumber, string Sku, string Description, decimal Quantity, decimal ReceivedQuantity, Money UnitPrice, Money NetAmount);
