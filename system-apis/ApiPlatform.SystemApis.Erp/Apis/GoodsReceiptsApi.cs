using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Erp;
using ApiPlatform.ServiceDefaults.Apis;
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

public static class GoodsReceiptsApi
{
    public static RouteGroupBuilder MapGoodsReceiptsApi(this RouteGroupBuilder v1)
    {
        var receipts = v1.MapGroup("/goods-receipts").WithTags("Procurement");
        receipts.MapPost("/", Receive).WithValidation<CreateGoodsReceiptRequest>().WithName("createGoodsReceipt")
            .WithSummary("Receive goods against a purchase order; stock goes up, more than was ordered is 422; a repeat with the same Idempotency-Key answers the first receipt")
            .ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        receipts.MapGet("/", ListReceipts).WithName("listGoodsReceipts").WithSummary("List goods receipts, optionally of one purchase order");
        receipts.MapGet("/{id}", GetReceipt).WithName("getGoodsReceipt").WithSummary("Get one goods receipt").ProducesProblem(404);
        return receipts;
    }

    public static async Task<Results<Created<GoodsReceipt>, Ok<GoodsReceipt>, NotFound, ProblemHttpResult>> Receive(
        CreateGoodsReceiptRequest request, [FromHeader(Name = PlatformHeaders.IdempotencyKey)] string? idempotencyKey, StockLedger ledger, TimeProvider time,
        [AsParameters] ErpRequest erp, CancellationToken cancellationToken)
    {
        if (idempotencyKey is { Length: 0 or > 128 })
        {
            return ProblemDetailsExtensions.Problem(400, ProblemTypes.BadRequest, "Bad Idempotency-Key", "An Idempotency-Key has 1 to 128 characters.");
        }
        if (idempotencyKey is not null && await EarlierAsync(erp, idempotencyKey, cancellationToken) is { } earlier)
        {
            return Replay(earlier, request);
        }
        var order = await erp.Db.PurchaseOrders.Include(o => o.Lines).VisibleTo(erp.User).FirstOrDefaultAsync(o => o.Id == request.PurchaseOrderId, cancellationToken);
        if (order is null)
        {
            return TypedResults.NotFound();
        }
        if (order.Status is PurchaseOrderStatus.Cancelled or PurchaseOrderStatus.Received)
        {
            return ProblemDetailsExtensions.Problem(409, ProblemTypes.Conflict, "Nothing more to receive", $"Purchase order {order.Number} is {order.Status}.");
        }
        if (ReceiptRules.Check(order, request) is { } problem)
        {
            return ProblemDetailsExtensions.Problem(422, ProblemTypes.BusinessRule, "Receipt does not match the order", problem);
        }

        var now = time.GetUtcNow();
        var id = Guid.NewGuid().ToString("N");
        var warehouse = request.Warehouse ?? Warehouses.DefaultFor(order.Currency);
        var receipt = new GoodsReceiptEntity
        {
            Id = $"gr-{id}", Tenant = order.Tenant, Number = $"GR-{now:yyyyMMdd}-{id[..8].ToUpperInvariant()}", PurchaseOrderId = order.Id, Warehouse = warehouse,
            ReceivedAt = now, CreatedBy = idempotencyKey is null ? null : erp.Client, IdempotencyKey = idempotencyKey,
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
        erp.Db.GoodsReceipts.Add(receipt);
        var received = EmbeddedMapping.ToContract(receipt);
        try
        {
            await erp.Changes.InTransactionAsync(async () =>
            {
                await erp.Db.SaveChangesAsync(cancellationToken);
                await erp.Changes.GoodsReceivedAsync(received, cancellationToken);
                return received;
            }, cancellationToken);
        }
        catch (DbUpdateException) when (idempotencyKey is not null)
        {
            // A concurrent booking with the same key won the race: answer as its replay.
            if (await EarlierAsync(erp, idempotencyKey, cancellationToken) is { } concurrent)
            {
                return Replay(concurrent, request);
            }
            throw;
        }
        return TypedResults.Created($"/v1/goods-receipts/{receipt.Id}", received);
    }

    private static async Task<GoodsReceipt?> EarlierAsync(ErpRequest erp, string idempotencyKey, CancellationToken cancellationToken)
    {
        erp.Db.ChangeTracker.Clear();
        return await erp.Db.GoodsReceipts.AsNoTracking().Include(r => r.Lines)
            .FirstOrDefaultAsync(r => r.CreatedBy == erp.Client && r.IdempotencyKey == idempotencyKey, cancellationToken) is { } earlier
            ? EmbeddedMapping.ToContract(earlier)
            : null;
    }

    /// <summary>The first receipt booked with the key, when the repeat asks for the same; the key on another receipt is a conflict.</summary>
    private static Results<Created<GoodsReceipt>, Ok<GoodsReceipt>, NotFound, ProblemHttpResult> Replay(GoodsReceipt earlier, CreateGoodsReceiptRequest request) =>
        earlier.PurchaseOrderId == request.PurchaseOrderId
            && earlier.Lines.OrderBy(l => l.PurchaseOrderLineNumber).Select(l => (l.PurchaseOrderLineNumber, l.Quantity))
                .SequenceEqual(request.Lines.OrderBy(l => l.PurchaseOrderLineNumber).Select(l => (l.PurchaseOrderLineNumber, l.Quantity)))
            ? TypedResults.Ok(earlier)
            : ProblemDetailsExtensions.Problem(409, ProblemTypes.Conflict, "Idempotency-Key reused",
                $"The key was used for goods receipt {earlier.Number}, which books other lines.");

    public static async Task<Ok<Page<GoodsReceipt>>> ListReceipts(
        [AsParameters] PageRequest page, string? purchaseOrderId, [AsParameters] ErpRequest erp, CancellationToken cancellationToken)
    {
        var query = erp.Db.GoodsReceipts.AsNoTracking().Include(r => r.Lines).VisibleTo(erp.User).Where(r => purchaseOrderId == null || r.PurchaseOrderId == purchaseOrderId);
        return TypedResults.Ok(await query.OrderBy(r => r.Number).ToPageAsync(page, EmbeddedMapping.ToContract, cancellationToken));
    }

    public static async Task<Results<Ok<GoodsReceipt>, NotFound>> GetReceipt(string id, [AsParameters] ErpRequest erp, CancellationToken cancellationToken) =>
        await erp.Db.GoodsReceipts.AsNoTracking().Include(r => r.Lines).VisibleTo(erp.User).FirstOrDefaultAsync(r => r.Id == id, cancellationToken) is { } receipt
            ? TypedResults.Ok(EmbeddedMapping.ToContract(receipt))
            : TypedResults.NotFound();
}
