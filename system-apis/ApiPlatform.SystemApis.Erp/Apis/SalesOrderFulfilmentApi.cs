using ApiPlatform.Contracts.Erp;
using ApiPlatform.ServiceDefaults.Data;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.ServiceDefaults.Validation;
using ApiPlatform.SystemApis.Erp.Connectors.Embedded;
using ApiPlatform.SystemApis.Erp.Data;
using ApiPlatform.SystemApis.Erp.Inventory;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.SystemApis.Erp.Apis;

/// <summary>After an order is placed: its status and shipments, cancelling it (releasing its reservations), and fulfilling it.</summary>
public static class SalesOrderFulfilmentApi
{
    public static RouteGroupBuilder MapSalesOrderFulfilment(this RouteGroupBuilder orders)
    {
        orders.MapGet("/{id}/status", GetStatus).WithName("getSalesOrderStatus")
            .WithSummary("Where an order stands: its status, why it was cancelled, and its shipments").ProducesProblem(404).ProducesProblem(501);
        orders.MapPost("/{id}/cancel", Cancel).WithValidation<CancelSalesOrderRequest>().WithName("cancelSalesOrder")
            .WithSummary("Cancel an order that has not shipped, releasing its reservations").ProducesProblem(404).ProducesProblem(409).ProducesProblem(501);
        orders.MapPost("/{id}/shipments", Fulfil).WithValidation<FulfilSalesOrderRequest>().WithName("fulfilSalesOrder")
            .WithSummary("Ship an open order from one warehouse; stock is taken (its reservations first) and never goes negative")
            .ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(501);
        return orders;
    }

    public static async Task<Results<Ok<SalesOrderTracking>, NotFound>> GetStatus(
        string id, [FromQuery] string? tenant, [AsParameters] ErpRequest erp, CancellationToken cancellationToken)
    {
        erp.EmbeddedTenant(tenant);
        var order = await erp.Db.SalesOrders.AsNoTracking().VisibleTo(erp.User).FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        return order is null ? TypedResults.NotFound() : TypedResults.Ok(await TrackingAsync(erp.Db, order, cancellationToken));
    }

    public static async Task<Results<Ok<SalesOrderTracking>, NotFound, ProblemHttpResult>> Cancel(
        string id, CancelSalesOrderRequest request, [FromQuery] string? tenant, StockLedger ledger, TimeProvider time, [AsParameters] ErpRequest erp,
        CancellationToken cancellationToken)
    {
        erp.EmbeddedTenant(tenant);
        var order = await erp.Db.SalesOrders.Include(o => o.Lines).VisibleTo(erp.User).FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (order is null)
        {
            return TypedResults.NotFound();
        }
        if (order.Status is SalesOrderStatus.Shipped or SalesOrderStatus.Cancelled)
        {
            return ProblemDetailsExtensions.Problem(409, ProblemTypes.Conflict, "Order cannot be cancelled", $"Sales order {order.Number} is {order.Status}.");
        }

        var previous = order.Status;
        order.Status = SalesOrderStatus.Cancelled;
        order.CancellationReason = request.Reason;
        order.UpdatedAt = time.GetUtcNow();
        await ledger.ReleaseForOrderAsync(order.Id, cancellationToken);
        await erp.Changes.InTransactionAsync(async () =>
        {
            await erp.Db.SaveChangesAsync(cancellationToken);
            await erp.Changes.SalesOrderStatusChangedAsync(SalesOrderMapping.ToContract(order), previous, request.Reason, cancellationToken);
            return order;
        }, cancellationToken);
        return TypedResults.Ok(await TrackingAsync(erp.Db, order, cancellationToken));
    }

    public static async Task<Results<Created<Shipment>, NotFound, ProblemHttpResult>> Fulfil(
        string id, FulfilSalesOrderRequest request, [FromQuery] string? tenant, StockLedger ledger, TimeProvider time, [AsParameters] ErpRequest erp,
        CancellationToken cancellationToken)
    {
        erp.EmbeddedTenant(tenant);
        var order = await erp.Db.SalesOrders.Include(o => o.Lines).VisibleTo(erp.User).FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (order is null)
        {
            return TypedResults.NotFound();
        }
        if (order.Status is not (SalesOrderStatus.Open or SalesOrderStatus.Released))
        {
            return ProblemDetailsExtensions.Problem(409, ProblemTypes.Conflict, "Order cannot be shipped", $"Sales order {order.Number} is {order.Status}.");
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
        erp.Db.Shipments.Add(shipment);
        var shipped = EmbeddedMapping.ToContract(shipment);
        return await erp.Changes.InTransactionAsync<Results<Created<Shipment>, NotFound, ProblemHttpResult>>(async () =>
        {
            try
            {
                await erp.Db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                return ProblemDetailsExtensions.Problem(409, ProblemTypes.Conflict, "Stock changed meanwhile", "Stock moved while the order shipped; nothing was shipped. Try again.");
            }

            await erp.Changes.ShipmentCreatedAsync(shipped, cancellationToken);
            await erp.Changes.SalesOrderStatusChangedAsync(SalesOrderMapping.ToContract(order), previous, null, cancellationToken);
            return TypedResults.Created($"/v1/sales-orders/{order.Id}/status", shipped);
        }, cancellationToken);
    }

    private static async Task<SalesOrderTracking> TrackingAsync(ErpDbContext db, SalesOrderEntity order, CancellationToken cancellationToken)
    {
        var shipments = await db.Shipments.AsNoTracking().Where(s => s.SalesOrderId == order.Id).ToListAsync(cancellationToken);
        return new SalesOrderTracking(order.Id, order.Number, order.Status, order.CancellationReason,
            shipments.OrderBy(s => s.Number).Select(EmbeddedMapping.ToContract).ToList(), order.UpdatedAt);
    }
}
