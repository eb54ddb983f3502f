namespace ApiPlatform.SystemApis.Erp.Data;

/// <summary>A material of the shared catalog (products are not tenant-owned; prices may be).</summary>
public sealed class ProductEntity
{
    public required string Sku { get; init; }
    public required string Name { get; set; }
    public required string Description { get; set; }
    public required string Unit { get; set; }
    public required string TaxCode { get; set; }
    public bool Stocked { get; set; }
    public bool Active { get; set; } = true;
}
