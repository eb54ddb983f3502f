namespace ApiPlatform.Contracts.Erp;

/// <summary>A sellable or purchasable material; <c>TaxCode</c> selects its tax rate in each jurisdiction.</summary>
public sealed record Product(
    string Id,
    string Sku,
    string Name,
    string Description,
    string Unit,
    string TaxCode,
    bool Stocked,
    bool Active,
    SourceReference Source);
