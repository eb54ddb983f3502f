using System.Security.Claims;
using ApiPlatform.Contracts.Erp;
using ApiPlatform.ServiceDefaults.Data;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.SystemApis.Erp.Connectors.Embedded;
using ApiPlatform.SystemApis.Erp.Data;
using ApiPlatform.SystemApis.Erp.Events;
using ApiPlatform.SystemApis.Erp.Inventory;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.SystemApis.Erp.Fulfilment;

/// <summary>
/// What happens to an embedded ERP order after it is placed: cancelled while it has not shipped (its reservations
/// released), or shipped whole from one warehouse (its reservations first; stock never goes negative). Each change
/// commits with its <c>erp.*</c> events. Every method answers null when the caller has no such order.
/// </summary>
public sealed class OrderFulfilment(ErpDbContext db, StockLedger ledger, ErpChangeFeed changes, TimeProvider time)
{
    public async Task<SalesOrderTracking?> TrackAsync(ClaimsPrincipal caller, string id, CancellationToken cancellationToken) =>
        await db.SalesOrders.AsNoTracking().VisibleTo(caller).FirstOrDefaultAsync(o => o.Id == id, cancellationToken) is { } order
            ? await TrackingAsync(order, cancellationToken)
            : null;

    public async Task<SalesOrderTracking?> CancelAsync(ClaimsPrincipal caller, string id, string reason, CancellationToken cancellationToken)
    {
        var order = await db.SalesOrders.Include(o => o.Lines).VisibleTo(caller).FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (order is null)
        {
            return null;
        }
        if (order.Status is SalesOrderStatus.Shipped or SalesOrderStatus.Cancelled)
        {
            throw new ProblemException(409, ProblemTypes.Conflict, "Order cannot be cancelled", $"Sales order {order.Number} is {order.Status}.");
        }

        var previous = order.Status;
        order.Status = SalesOrderStatus.Cancelled;
        order.CancellationReason = reason;
        order.UpdatedAt = time.GetUtcNow();
        await ledger.ReleaseForOrderAsync(order.Id, cancellationToken);
        await changes.InTransactionAsync(async () =>
        {
            await db.SaveChangesAsync(cancellationToken);
            await changes.SalesOrderStatusChangedAsync(SalesOrderMapping.ToContract(order), previous, reason, cancellationToken);
            return order;
        }, cancellationToken);
        return await TrackingAsync(order, cancellationToken);
    }

    public async Task<Shipment?> ShipAsync(ClaimsPrincipal caller, string id, FulfilSalesOrderRequest request, CancellationToken cancellationToken)
    {
        var order = await db.SalesOrders.Include(o => o.Lines).VisibleTo(caller).FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (order is null)
        {
            return null;
        }
        if (order.Status is not (SalesOrderStatus.Open or SalesOrderStatus.Released))
        {
            throw new ProblemException(409, ProblemTypes.Conflict, "Order cannot be shipped", $"Sales order {order.Number} is {order.Status}.");
        }

        var now = time.GetUtcNow();
        var shipmentId = Guid.NewGuid().ToString("N");
        var shipment = new ShipmentEntity
        {
            Id = $"shp-{shipmentId}", Tenant = order.Tenant, Number = $"SH-{now:yyyyMMdd}-{shipmentId[..8].ToUpperInvariant()}", SalesOrderId = order.Id,
            Warehouse = request.Warehouse ?? Warehouses.DefaultFor(order.Currency),
            Carrier = request.Carrier, TrackingNumber = request.TrackingNumber, ShippedAt = now,
            Lines = order.Lines.OrderBy(l => l.LineNumber).Select(l => new ShipmentLineEntity { LineNumber = l.LineNumber, Sku = l.Sku, Quantity = l.Quantity }).ToList(),
        };
        await ledger.ShipAsync(order, shipment.Warehouse, shipment.Lines, cancellationToken);
        var previous = order.Status;
        order.Status = SalesOrderStatus.Shipped;
        order.UpdatedAt = now;
        db.Shipments.Add(shipment);
        var shipped = EmbeddedMapping.ToContract(shipment);
        return await changes.InTransactionAsync(async () =>
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                throw new ProblemException(409, ProblemTypes.Conflict, "Stock changed meanwhile", "Stock moved while the order shipped; nothing was shipped. Try again.");
            }

            await changes.ShipmentCreatedAsync(shipped, cancellationToken);
            await changes.SalesOrderStatusChangedAsync(SalesOrderMapping.ToContract(order), previous, null, cancellationToken);
            return shipped;
        }, cancellationToken);
    }

    private async Task<SalesOrderTracking> TrackingAsync(SalesOrderEntity order, CancellationToken cancellationToken)
    {
        var shipments = await db.Shipments.AsNoTracking().Where(s => s.SalesOrderId == order.Id).ToListAsync(cancellationToken);
        return new SalesOrderTracking(order.Id, order.Number, order.Status, order.CancellationReason,
            shipments.OrderBy(s => s.Number).Select(EmbeddedMapping.ToContract).ToList(), order.UpdatedAt);
    }
}
