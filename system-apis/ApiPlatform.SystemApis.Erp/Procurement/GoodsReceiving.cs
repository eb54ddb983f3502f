using System.Security.Claims;
using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Erp;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Data;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.SystemApis.Erp.Connectors;
using ApiPlatform.SystemApis.Erp.Connectors.Embedded;
using ApiPlatform.SystemApis.Erp.Data;
using ApiPlatform.SystemApis.Erp.Events;
using ApiPlatform.SystemApis.Erp.Inventory;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.SystemApis.Erp.Procurement;

/// <summary>
/// Goods received against a purchase order: stock goes up in the receiving warehouse (the order currency's default
/// unless named), the order's lines count what arrived, and <c>erp.goods-receipt.created.v1</c> commits with the receipt.
/// With an Idempotency-Key a receipt is booked once per client: a repeat of the same lines answers the first receipt.
/// </summary>
public sealed class GoodsReceiving(ErpDbContext db, StockLedger ledger, ErpChangeFeed changes, TimeProvider time)
{
    /// <summary>The receipt, or null when the caller has no such purchase order.</summary>
    public async Task<Written<GoodsReceipt>?> ReceiveAsync(
        ClaimsPrincipal caller, string client, CreateGoodsReceiptRequest request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (idempotencyKey is not null && await EarlierAsync(client, idempotencyKey, cancellationToken) is { } earlier)
        {
            return Replay(earlier, request);
        }
        var order = await db.PurchaseOrders.Include(o => o.Lines).VisibleTo(caller).FirstOrDefaultAsync(o => o.Id == request.PurchaseOrderId, cancellationToken);
        if (order is null)
        {
            return null;
        }
        if (order.Status is PurchaseOrderStatus.Cancelled or PurchaseOrderStatus.Received)
        {
            throw new ProblemException(409, ProblemTypes.Conflict, "Nothing more to receive", $"Purchase order {order.Number} is {order.Status}.");
        }
        if (ReceiptRules.Check(order, request) is { } problem)
        {
            throw new ProblemException(422, ProblemTypes.BusinessRule, "Receipt does not match the order", problem);
        }

        var now = time.GetUtcNow();
        var id = Guid.NewGuid().ToString("N");
        var warehouse = request.Warehouse ?? Warehouses.DefaultFor(order.Currency);
        var receipt = new GoodsReceiptEntity
        {
            Id = $"gr-{id}", Tenant = order.Tenant, Number = $"GR-{now:yyyyMMdd}-{id[..8].ToUpperInvariant()}", PurchaseOrderId = order.Id, Warehouse = warehouse,
            ReceivedAt = now, CreatedBy = idempotencyKey is null ? null : client, IdempotencyKey = idempotencyKey,
            Lines = request.Lines.Select(l => new GoodsReceiptLineEntity
            {
                PurchaseOrderLineNumber = l.PurchaseOrderLineNumber, Sku = order.Lines.Single(o => o.LineNumber == l.PurchaseOrderLineNumber).Sku, Quantity = l.Quantity,
            }).ToList(),
        };
        foreach (var line in receipt.Lines)
        {
            order.Lines.Single(l => l.LineNumber == line.PurchaseOrderLineNumber).ReceivedQuantity += line.Quantity;
            await ledger.ReceiveAsync(line.Sku, warehouse, line.Quantity, cancellationToken);
        }
        order.Status = order.Lines.All(l => l.ReceivedQuantity >= l.Quantity) ? PurchaseOrderStatus.Received : PurchaseOrderStatus.PartiallyReceived;
        db.GoodsReceipts.Add(receipt);
        var received = EmbeddedMapping.ToContract(receipt);
        try
        {
            await changes.InTransactionAsync(async () =>
            {
                await db.SaveChangesAsync(cancellationToken);
                await changes.GoodsReceivedAsync(received, cancellationToken);
                return received;
            }, cancellationToken);
        }
        catch (DbUpdateException) when (idempotencyKey is not null)
        {
            // A concurrent booking with the same key won the race: answer as its replay.
            if (await EarlierAsync(client, idempotencyKey, cancellationToken) is { } concurrent)
            {
                return Replay(concurrent, request);
            }
            throw;
        }
        return new(received, Created: true);
    }

    private async Task<GoodsReceipt?> EarlierAsync(string client, string idempotencyKey, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await db.GoodsReceipts.AsNoTracking().Include(r => r.Lines)
            .FirstOrDefaultAsync(r => r.CreatedBy == client && r.IdempotencyKey == idempotencyKey, cancellationToken) is { } earlier
            ? EmbeddedMapping.ToContract(earlier)
            : null;
    }

    /// <summary>The first receipt booked with the key, when the repeat asks for the same; the key on another receipt is a conflict.</summary>
    private static Written<GoodsReceipt> Replay(GoodsReceipt earlier, CreateGoodsReceiptRequest request) =>
        earlier.PurchaseOrderId == request.PurchaseOrderId
            && earlier.Lines.OrderBy(l => l.PurchaseOrderLineNumber).Select(l => (l.PurchaseOrderLineNumber, l.Quantity))
                .SequenceEqual(request.Lines.OrderBy(l => l.PurchaseOrderLineNumber).Select(l => (l.PurchaseOrderLineNumber, l.Quantity)))
            ? new(earlier, Created: false)
            : throw new ProblemException(409, ProblemTypes.Conflict, "Idempotency-Key reused", $"The key was used for goods receipt {earlier.Number}, which books other lines.");

    public Task<Page<GoodsReceipt>> ListAsync(ClaimsPrincipal caller, string? purchaseOrderId, PageRequest page, CancellationToken cancellationToken) =>
        db.GoodsReceipts.AsNoTracking().Include(r => r.Lines).VisibleTo(caller).Where(r => purchaseOrderId == null || r.PurchaseOrderId == purchaseOrderId)
            .OrderBy(r => r.Number).ToPageAsync(page, EmbeddedMapping.ToContract, cancellationToken);

    public async Task<GoodsReceipt?> GetAsync(ClaimsPrincipal caller, string id, CancellationToken cancellationToken) =>
        await db.GoodsReceipts.AsNoTracking().Include(r => r.Lines).VisibleTo(caller).FirstOrDefaultAsync(r => r.Id == id, cancellationToken) is { } receipt
            ? EmbeddedMapping.ToContract(receipt)
            : null;
}
