using ApiPlatform.ServiceDefaults.Data;
using ApiPlatform.Contracts.Erp;
using ApiPlatform.Messaging.Outbox;
using ApiPlatform.SystemApis.Erp.Data;

namespace ApiPlatform.SystemApis.Erp.Events;

/// <summary>
/// Where erp announces its state changes (<c>erp.sales-order.status-changed.v1</c>, <c>erp.shipment.created.v1</c>,
/// <c>erp.goods-receipt.created.v1</c>) through the outbox of its own database. <see cref="InTransactionAsync{T}"/> makes
/// the write and its events one transaction: for the embedded ERP both commit together or not at all; for SAP the event
/// is recorded right after SAP accepted the write (SAP's document cannot join our transaction).
/// </summary>
public sealed class ErpChangeFeed(ErpDbContext db, IEventPublisher publisher, TimeProvider time)
{
    public Task<T> InTransactionAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken) =>
        db.InTransactionAsync(write, cancellationToken);

    /// <summary>An order was placed (<paramref name="previous"/> null) or changed status.</summary>
    public Task SalesOrderStatusChangedAsync(SalesOrder order, SalesOrderStatus? previous, string? cancellationReason, CancellationToken cancellationToken)
    {
        publisher.Publish(SalesOrderStatusChanged.From(order, previous, cancellationReason, time.GetUtcNow()));
        return db.SaveChangesAsync(cancellationToken);
    }

    public Task ShipmentCreatedAsync(Shipment shipment, CancellationToken cancellationToken)
    {
        publisher.Publish(ShipmentCreated.From(shipment));
        return db.SaveChangesAsync(cancellationToken);
    }

    public Task GoodsReceivedAsync(GoodsReceipt receipt, CancellationToken cancellationToken)
    {
        publisher.Publish(GoodsReceiptCreated.From(receipt));
        return db.SaveChangesAsync(cancellationToken);
    }
}
