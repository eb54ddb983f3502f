using ApiPlatform.Contracts.Erp;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.SystemApis.Erp.Data;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.SystemApis.Erp.Inventory;

public sealed partial class StockLedger
{
    /// <summary>
    /// Takes an order's stocked quantities (products kept in stock, or anything stock was received for) out of one
    /// warehouse: its active reservations first, then free stock. Services move no stock.
    /// </summary>
    public async Task ShipAsync(SalesOrderEntity order, string warehouse, IReadOnlyList<ShipmentLineEntity> lines, CancellationToken cancellationToken)
    {
        await ExpireDueAsync(null, cancellationToken);
        var now = time.GetUtcNow();
        var skus = lines.Select(l => l.Sku).Distinct().ToList();
        var services = await db.Products.Where(p => skus.Contains(p.Sku) && !p.Stocked).Select(p => p.Sku).ToListAsync(cancellationToken);
        var stocked = await db.Stock.Where(s => skus.Contains(s.Sku)).Select(s => s.Sku).Distinct().ToListAsync(cancellationToken);
        stocked.AddRange(await db.Products.Where(p => skus.Contains(p.Sku) && p.Stocked).Select(p => p.Sku).ToListAsync(cancellationToken));
        stocked.RemoveAll(services.Contains);
        var reservations = await db.Reservations
            .Where(r => r.SalesOrderId == order.Id && r.Status == ReservationStatus.Active && r.Warehouse == warehouse).ToListAsync(cancellationToken);
        foreach (var line in lines.Where(l => stocked.Contains(l.Sku)).GroupBy(l => l.Sku))
        {
            var stock = await db.Stock.FirstOrDefaultAsync(s => s.Sku == line.Key && s.Warehouse == warehouse, cancellationToken);
            var needed = line.Sum(l => l.Quantity);
            var held = reservations.Where(r => r.Sku == line.Key).ToList();
            var reserved = held.Sum(r => r.Quantity);
            if (stock is null || stock.Available + Math.Min(reserved, needed) < needed)
            {
                throw Shortage(line.Key, needed, stock is null ? [] : [stock]);
            }

            foreach (var reservation in held)
            {
                reservation.Status = ReservationStatus.Consumed;
                reservation.ClosedAt = now;
            }
            stock.Reserved -= reserved;
            stock.OnHand -= needed;
            stock.UpdatedAt = now;
        }
    }

    /// <summary>Adds received goods to a warehouse's stock.</summary>
    public async Task ReceiveAsync(string sku, string warehouse, decimal quantity, CancellationToken cancellationToken)
    {
        var stock = await db.Stock.FirstOrDefaultAsync(s => s.Sku == sku && s.Warehouse == warehouse, cancellationToken);
        if (stock is null)
        {
            stock = new StockEntity { Sku = sku, Warehouse = warehouse };
            db.Stock.Add(stock);
        }
        stock.OnHand += quantity;
        stock.UpdatedAt = time.GetUtcNow();
    }

    /// <summary>Releases every active reservation of an order (it was cancelled).</summary>
    public async Task ReleaseForOrderAsync(string salesOrderId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var reservation in await db.Reservations.Where(r => r.SalesOrderId == salesOrderId && r.Status == ReservationStatus.Active).ToListAsync(cancellationToken))
        {
            await CloseAsync(reservation, ReservationStatus.Released, now, cancellationToken);
        }
    }

    /// <summary>How long an order holds the stock reserved for it (until it ships or is cancelled, at most this).</summary>
    public static readonly TimeSpan OrderHold = TimeSpan.FromDays(365);

    /// <summary>
    /// Hands active reservations made before an order existed (by a quote-to-cash order request) to the order created
    /// from them: shipping consumes them and cancelling releases them. Others (another tenant's, closed, already an
    /// order's) are left as they are.
    /// </summary>
    public async Task AssignAsync(IReadOnlyCollection<string> reservationIds, string tenant, string salesOrderId, CancellationToken cancellationToken)
    {
        var until = time.GetUtcNow() + OrderHold;
        var reservations = await db.Reservations
            .Where(r => reservationIds.Contains(r.Id) && r.Tenant == tenant && r.Status == ReservationStatus.Active && r.SalesOrderId == null)
            .ToListAsync(cancellationToken);
        foreach (var reservation in reservations)
        {
            reservation.SalesOrderId = salesOrderId;
            reservation.ExpiresAt = until;
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
