namespace ApiPlatform.SystemApis.Erp.Data;

public sealed class SalesOrderLineEntity
{
    public int LineNumber { get; init; }
    public required string Sku { get; init; }
    public required string Description { get; init; }
    public decimal Quantity { get; init; }
    public decimal UnitPrice { get; init; }
    public decimal DiscountPercent { get; init; }
}
