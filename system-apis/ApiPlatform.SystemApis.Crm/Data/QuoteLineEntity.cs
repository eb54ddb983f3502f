namespace ApiPlatform.SystemApis.Crm.Data;

public sealed class QuoteLineEntity
{
    public int LineNumber { get; init; }
    public required string Sku { get; init; }
    public required string Description { get; init; }
    public decimal Quantity { get; init; }
    public decimal UnitPrice { get; init; }
    public decimal DiscountPercent { get; init; }
}
