using ApiPlatform.Contracts.Erp;
using ApiPlatform.Contracts;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Data;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.ServiceDefaults.Validation;
using ApiPlatform.SystemApis.Erp.Connectors.Embedded;
using ApiPlatform.SystemApis.Erp.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.SystemApis.Erp.Apis;

public static class PurchaseOrdersApi
{
    public static RouteGroupBuilder MapPurchaseOrdersApi(this RouteGroupBuilder v1)
    {
        var orders = v1.MapGroup("/purchase-orders").WithTags("Procurement");
        orders.MapPost("/", CreatePurchaseOrder).WithValidation<CreatePurchaseOrderRequest>().WithName("createPurchaseOrder")
            .WithSummary("Create a purchase order; a repeat with the same Idempotency-Key returns the same order")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(422).ProducesProblem(501);
        orders.MapGet("/", ListPurchaseOrders).WithName("listPurchaseOrders").WithSummary("List purchase orders, optionally of one supplier or status");
        orders.MapGet("/{id}", GetPurchaseOrder).WithName("getPurchaseOrder").WithSummary("Get one purchase order with received quantities").ProducesProblem(404);
        orders.MapPost("/{id}/cancel", CancelPurchaseOrder).WithName("cancelPurchaseOrder")
            .WithSummary("Cancel a purchase order nothing has been received against").ProducesProblem(404).ProducesProblem(409);
        return orders;
    }

    public static async Task<Results<Created<PurchaseOrder>, Ok<PurchaseOrder>, ProblemHttpResult>> CreatePurchaseOrder(
        CreatePurchaseOrderRequest request, [FromHeader(Name = PlatformHeaders.IdempotencyKey)] string? idempotencyKey, TimeProvider time, [AsParameters] ErpRequest erp,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > 128)
        {
            return ProblemDetailsExtensions.Problem(400, ProblemTypes.BadRequest, "Idempotency-Key required",
                "Creating a purchase order needs an Idempotency-Key header of at most 128 characters.");
        }

        erp.EmbeddedTenant(request.Tenant);
        if (await EarlierAsync(erp, idempotencyKey, cancellationToken) is { } earlier)
        {
            return TypedResults.Ok(earlier);
        }
        var supplier = await erp.Db.Suppliers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == request.SupplierId && s.Tenant == request.Tenant, cancellationToken);
        if (supplier is null || supplier.Currency != request.Currency)
        {
            return ProblemDetailsExtensions.Problem(422, ProblemTypes.BusinessRule, "Unknown supplier or currency",
                supplier is null ? $"Supplier {request.SupplierId} does not exist for {request.Tenant}." : $"Supplier {supplier.Number} invoices in {supplier.Currency}.");
        }

        var now = time.GetUtcNow();
        var id = Guid.NewGuid().ToString("N");
        var order = new PurchaseOrderEntity
        {
            Id = $"po-{id}", Tenant = request.Tenant, Number = $"PO-{now:yyyyMMdd}-{id[..8].ToUpperInvariant()}", SupplierId = supplier.Id,
            Status = PurchaseOrderStatus.Open, Currency = request.Currency, CreatedAt = now, CreatedBy = erp.Client, IdempotencyKey = idempotencyKey,
            Lines = request.Lines.Select((l, i) => new PurchaseOrderLineEntity
            {
                LineNumber = i + 1, Sku = l.Sku, Description = l.Description, Quantity = l.Quantity, UnitPrice = l.UnitPrice.Amount,
            }).ToList(),
        };
        erp.Db.PurchaseOrders.Add(order);
        try
        {
            await erp.Db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent create with the same key won the race: answer as its replay.
            if (await EarlierAsync(erp, idempotencyKey, cancellationToken) is { } concurrent)
            {
                return TypedResults.Ok(concurrent);
            }
            throw;
        }
        return TypedResults.Created($"/v1/purchase-orders/{order.Id}", EmbeddedMapping.ToContract(order));
    }

    private static async Task<PurchaseOrder?> EarlierAsync(ErpRequest erp, string idempotencyKey, CancellationToken cancellationToken)
    {
        erp.Db.ChangeTracker.Clear();
        return await erp.Db.PurchaseOrders.AsNoTracking().Include(o => o.Lines)
            .FirstOrDefaultAsync(o => o.CreatedBy == erp.Client && o.IdempotencyKey == idempotencyKey, cancellationToken) is { } earlier
            ? EmbeddedMapping.ToContract(earlier)
            : null;
    }

    public static async Task<Ok<Page<PurchaseOrder>>> ListPurchaseOrders(
        [AsParameters] PageRequest page, string? supplierId, PurchaseOrderStatus? status, [AsParameters] ErpRequest erp, CancellationToken cancellationToken)
    {
        var query = erp.Db.PurchaseOrders.AsNoTracking().Include(o => o.Lines).VisibleTo(erp.User)
            .Where(o => (supplierId == null || o.SupplierId == supplierId) && (status == null || o.Status == status));
        return TypedResults.Ok(await query.OrderBy(o => o.Number).ToPageAsync(page, EmbeddedMapping.ToContract, cancellationToken));
    }

    public static async Task<Results<Ok<PurchaseOrder>, NotFound>> GetPurchaseOrder(string id, [AsParameters] ErpRequest erp, CancellationToken cancellationToken) =>
        await erp.Db.PurchaseOrders.AsNoTracking().Include(o => o.Lines).VisibleTo(erp.User).FirstOrDefaultAsync(o => o.Id == id, cancellationToken) is { } order
            ? TypedResults.Ok(EmbeddedMapping.ToContract(order))
            : TypedResults.NotFound();

    public static async Task<Results<Ok<PurchaseOrder>, NotFound, ProblemHttpResult>> CancelPurchaseOrder(
        string id, [AsParameters] ErpRequest erp, CancellationToken cancellationToken)
    {
        var order = await erp.Db.PurchaseOrders.Include(o => o.Lines).VisibleTo(erp.User).FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (order is null)
        {
            return TypedResults.NotFound();
        }
        if (order.Status != PurchaseOrderStatus.Open)
        {
            return ProblemDetailsExtensions.Problem(409, ProblemTypes.Conflict, "Purchase order cannot be cancelled", $"Purchase order {order.Number} is {order.Status}.");
        }

        order.Status = PurchaseOrderStatus.Cancelled;
        await erp.Db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(EmbeddedMapping.ToContract(order));
    }
}
