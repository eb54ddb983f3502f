namespace ApiPlatform.SystemApis.Erp.Data;

/// <summary>
/// Stock of one product in one warehouse. <c>Reserved</c> is the sum of active reservations; both figures are
/// concurrency tokens and checked by the database, so stock can never be promised twice or go below zero.
/// </summary>
public sealed class StockEntity
{
    public required string Sku { get; init; }
    public required string Warehouse { get; init; }
    public decimal OnHand { get; set; }
    public decimal Reserved { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public decimal Available => OnHand - Reserved;
}
