using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Erp;
using ApiPlatform.SystemApis.Erp.Connectors.Embedded;
using ApiPlatform.SystemApis.Erp.Data;
using ApiPlatform.SystemApis.Erp.Inventory;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApiPlatform.SystemApis.Erp.Apis;

public static class InventoryApi
{
    public static RouteGroupBuilder MapInventoryApi(this RouteGroupBuilder v1)
    {
        var inventory = v1.MapGroup("/inventory").WithTags("Inventory");
        inventory.MapGet("/", ListAvailability).WithName("listInventoryAvailability")
            .WithSummary("Stock on hand, reserved and available per product and warehouse");
        inventory.MapGet("/{sku}", GetAvailability).WithName("getInventoryAvailability")
            .WithSummary("Stock of one product in every warehouse").ProducesProblem(404);
        return inventory;
    }

    public static async Task<Ok<List<InventoryAvailability>>> ListAvailability(
        string? sku, string? warehouse, StockLedger ledger, TimeProvider time, CancellationToken cancellationToken)
    {
        var stock = await ledger.AvailabilityAsync(sku, warehouse, cancellationToken);
        return TypedResults.Ok(stock.Select(s => ToContract(s, time)).ToList());
    }

    public static async Task<Results<Ok<List<InventoryAvailability>>, NotFound>> GetAvailability(
        string sku, StockLedger ledger, TimeProvider time, CancellationToken cancellationToken)
    {
        var stock = await ledger.AvailabilityAsync(sku, null, cancellationToken);
        return stock.Count == 0 ? TypedResults.NotFound() : TypedResults.Ok(stock.Select(s => ToContract(s, time)).ToList());
    }

    private static InventoryAvailability ToContract(StockEntity s, TimeProvider time) =>
        new(s.Sku, s.Warehouse, s.OnHand, s.Reserved, s.Available, time.GetUtcNow(), new SourceReference(EmbeddedMapping.System, $"{s.Sku}@{s.Warehouse}"));
}
