namespace ApiPlatform.Contracts.Erp;

/// <summary>Stock of one product in one warehouse: available is on hand less active reservations, never below zero.</summary>
public sealed record InventoryAvailability(
    string Sku,
    string Warehouse,
    decimal OnHand,
    decimal Reserved,
    decimal Available,
    DateTimeOffset AsOf,
    SourceReference Source);
