namespace ApiPlatform.Contracts.Erp;

/// <summary>Prices in one currency; a tenant-specific list holds contract prices that win over the general list.</summary>
public sealed record PriceList(
    string Id,
    string Name,
    string Currency,
    string? Tenant,
    DateOnly ValidFrom,
    DateOnly? ValidTo,
    IReadOnlyList<ProductPrice> Prices,
    SourceReference Source);

/// <summary>The unit price of a product from a minimum quantity on (price breaks).</summary>
public sealed record ProductPrice(string Sku, decimal MinQuantity, Money UnitPrice);
