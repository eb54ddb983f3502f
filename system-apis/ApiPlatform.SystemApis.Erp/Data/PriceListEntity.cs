namespace ApiPlatform.SystemApis.Erp.Data;

public sealed class PriceListEntity
{
    public required string Id { get; init; }
    public required string Name { get; set; }
    public required string Currency { get; init; }
    public string? Tenant { get; init; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public List<PriceEntity> Prices { get; init; } = [];
}

public sealed class PriceEntity
{
    public required string Sku { get; init; }
    public decimal MinQuantity { get; init; }
    public decimal UnitPrice { get; set; }
}
