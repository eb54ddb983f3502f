using ApiPlatform.Contracts.Erp;

namespace ApiPlatform.SystemApis.Erp.Events;

/// <summary>
/// Where erp announces its state changes (order status, shipments, goods receipts). Every handler that changes state
/// calls it already; once the messaging building block exists, each method publishes its event.
/// </summary>
public sealed class ErpChangeFeed(ILogger<ErpChangeFeed> logger)
{
    public const string SalesOrderStatusChanged = "erp.sales-order.status-changed";
    public const string ShipmentCreated = "erp.shipment.created";
    public const string GoodsReceived = "erp.goods-receipt.created";

    public Task SalesOrderStatusChangedAsync(SalesOrder order, CancellationToken cancellationToken) =>
        Log(SalesOrderStatusChanged, order.Id, order.Tenant);

    public Task ShipmentCreatedAsync(Shipment shipment, CancellationToken cancellationToken) => Log(ShipmentCreated, shipment.Id, shipment.Tenant);

    public Task GoodsReceivedAsync(GoodsReceipt receipt, CancellationToken cancellationToken) => Log(GoodsReceived, receipt.Id, receipt.Tenant);

    private Task Log(string type, string id, string tenant)
    {
        logger.LogInformation("{Event} {Id} ({Tenant})", type, id, tenant);
        return Task.CompletedTask;
    }
}
