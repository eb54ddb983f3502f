using ApiPlatform.Contracts.Erp;
using ApiPlatform.Contracts;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.ServiceDefaults.Validation;
using ApiPlatform.SystemApis.Erp.Procurement;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

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
        CreatePurchaseOrderRequest request, [FromHeader(Name = PlatformHeaders.IdempotencyKey)] string? idempotencyKey, PurchaseOrderBook orders,
        [AsParameters] ErpRequest erp, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > 128)
        {
            return ProblemDetailsExtensions.Problem(400, ProblemTypes.BadRequest, "Idempotency-Key required",
                "Creating a purchase order needs an Idempotency-Key header of at most 128 characters.");
        }

        erp.EmbeddedTenant(request.Tenant);
        var written = await orders.CreateAsync(request, erp.Client, idempotencyKey, cancellationToken);
        return written.Created ? TypedResults.Created($"/v1/purchase-orders/{written.Record.Id}", written.Record) : TypedResults.Ok(written.Record);
    }

    public static async Task<Ok<Page<PurchaseOrder>>> ListPurchaseOrders(
        [AsParameters] PageRequest page, string? supplierId, PurchaseOrderStatus? status, PurchaseOrderBook orders, [AsParameters] ErpRequest erp,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await orders.ListAsync(erp.User, supplierId, status, page, cancellationToken));

    public static async Task<Results<Ok<PurchaseOrder>, NotFound>> GetPurchaseOrder(
        string id, PurchaseOrderBook orders, [AsParameters] ErpRequest erp, CancellationToken cancellationToken) =>
        await orders.GetAsync(erp.User, id, cancellationToken) is { } order ? TypedResults.Ok(order) : TypedResults.NotFound();

    public static async Task<Results<Ok<PurchaseOrder>, NotFound>> CancelPurchaseOrder(
        string id, PurchaseOrderBook orders, [AsParameters] ErpRequest erp, CancellationToken cancellationToken) =>
        await orders.CancelAsync(erp.User, id, cancellationToken) is { } order ? TypedResults.Ok(order) : TypedResults.NotFound();
}
