using System.Security.Claims;
using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Erp;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Data;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.SystemApis.Erp.Connectors;
using ApiPlatform.SystemApis.Erp.Connectors.Embedded;
using ApiPlatform.SystemApis.Erp.Data;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.SystemApis.Erp.Procurement;

/// <summary>
/// The embedded ERP's purchase orders: each created once per client and Idempotency-Key, to a supplier of the tenant
/// invoicing in the order's currency; cancelled only while open (nothing received against it).
/// </summary>
public sealed class PurchaseOrderBook(ErpDbContext db, TimeProvider time)
{
    public async Task<Written<PurchaseOrder>> CreateAsync(
        CreatePurchaseOrderRequest request, string client, string idempotencyKey, CancellationToken cancellationToken)
    {
        if (await EarlierAsync(client, idempotencyKey, cancellationToken) is { } earlier)
        {
            return new(earlier, Created: false);
        }
        var supplier = await db.Suppliers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == request.SupplierId && s.Tenant == request.Tenant, cancellationToken);
        if (supplier is null || supplier.Currency != request.Currency)
        {
            throw new ProblemException(422, ProblemTypes.BusinessRule, "Unknown supplier or currency",
                supplier is null ? $"Supplier {request.SupplierId} does not exist for {request.Tenant}." : $"Supplier {supplier.Number} invoices in {supplier.Currency}.");
        }

        var now = time.GetUtcNow();
        var id = Guid.NewGuid().ToString("N");
        var order = new PurchaseOrderEntity
        {
            Id = $"po-{id}", Tenant = request.Tenant, Number = $"PO-{now:yyyyMMdd}-{id[..8].ToUpperInvariant()}", SupplierId = supplier.Id,
            Status = PurchaseOrderStatus.Open, Currency = request.Currency, CreatedAt = now, CreatedBy = client, IdempotencyKey = idempotencyKey,
            Lines = request.Lines.Select((l, i) => new PurchaseOrderLineEntity
            {
                LineNumber = i + 1, Sku = l.Sku, Description = l.Description, Quantity = l.Quantity, UnitPrice = l.UnitPrice.Amount,
            }).ToList(),
        };
        db.PurchaseOrders.Add(order);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent create with the same key won the race: answer as its replay.
            if (await EarlierAsync(client, idempotencyKey, cancellationToken) is { } concurrent)
            {
                return new(concurrent, Created: false);
            }
            throw;
        }
        return new(EmbeddedMapping.ToContract(order), Created: true);
    }

    private async Task<PurchaseOrder?> EarlierAsync(string client, string idempotencyKey, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await db.PurchaseOrders.AsNoTracking().Include(o => o.Lines)
            .FirstOrDefaultAsync(o => o.CreatedBy == client && o.IdempotencyKey == idempotencyKey, cancellationToken) is { } earlier
            ? EmbeddedMapping.ToContract(earlier)
            : null;
    }

    public Task<Page<PurchaseOrder>> ListAsync(
        ClaimsPrincipal caller, string? supplierId, PurchaseOrderStatus? status, PageRequest page, CancellationToken cancellationToken) =>
        db.PurchaseOrders.AsNoTracking().Include(o => o.Lines).VisibleTo(caller)
            .Where(o => (supplierId == null || o.SupplierId == supplierId) && (status == null || o.Status == status))
            .OrderBy(o => o.Number).ToPageAsync(page, EmbeddedMapping.ToContract, cancellationToken);

    public async Task<PurchaseOrder?> GetAsync(ClaimsPrincipal caller, string id, CancellationToken cancellationToken) =>
        await db.PurchaseOrders.AsNoTracking().Include(o => o.Lines).VisibleTo(caller).FirstOrDefaultAsync(o => o.Id == id, cancellationToken) is { } order
            ? EmbeddedMapping.ToContract(order)
            : null;

    /// <summary>The cancelled order, or null when the caller has no such order; an order no longer open is 409.</summary>
    public async Task<PurchaseOrder?> CancelAsync(ClaimsPrincipal caller, string id, CancellationToken cancellationToken)
    {
        var order = await db.PurchaseOrders.Include(o => o.Lines).VisibleTo(caller).FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (order is null)
        {
            return null;
        }
        if (order.Status != PurchaseOrderStatus.Open)
        {
            throw new ProblemException(409, ProblemTypes.Conflict, "Purchase order cannot be cancelled", $"Purchase order {order.Number} is {order.Status}.");
        }

        order.Status = PurchaseOrderStatus.Cancelled;
        await db.SaveChangesAsync(cancellationToken);
        return EmbeddedMapping.ToContract(order);
    }
}
