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
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.SystemApis.Erp.Apis;

public static class GoodsReceiptsApi
{
    public static RouteGroupBuilder MapGoodsReceiptsApi(this RouteGroupBuilder v1)
    {
        var receipts = v1.MapGroup("/goods-receipts").WithTags("Procurement");
        receipts.MapPost("/", Receive).WithValidation<CreateGoodsReceiptRequest>().WithName("createGoodsReceipt")
            .WithSummary("Receive goods against a purchase order; stock goes up, more than was ordered is 422")
            .ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        receipts.MapGet("/", ListReceipts).WithName("listGoodsReceipts").WithSummary("List goods receipts, optionally of one purchase order");
        receipts.MapGet("/{id}", GetReceipt).WithName("getGoodsReceipt").WithSummary("Get one goods receipt").ProducesProblem(404);
        return receipts;
    }

    public static async Task<Results<Created<GoodsReceipt>, NotFound, ProblemHttpResult>> Receive(
        CreateGoodsReceiptRequest request, StockLedger ledger, TimeProvider time, [AsParameters] ErpRequest erp, CancellationToken cancellationToken)
    {
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
        var warehouse = request.Warehouse ?? (order.Currency == "USD" ? ErpSeedData.Chicago : ErpSeedData.Stuttgart);
        var receipt = new GoodsReceiptEntity
        {
            Id = $"gr-{id}", Tenant = order.Tenant, Number = $"GR-{now:yyyyMMdd}-{id[..8].ToUpperInvariant()}", PurchaseOrderId = order.Id, Warehouse = warehouse,
            ReceivedAt = now,
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
        await erp.Changes.InTransactionAsync(async () =>
        {
            await erp.Db.SaveChangesAsync(cancellationToken);
            await erp.Changes.GoodsReceivedAsync(received, cancellationToken);
            return received;
        }, cancellationToken);
        return TypedResults.Created($"/v1/goods-receipts/{receipt.Id}", received);
    }

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
