using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Erp;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.ServiceDefaults.Validation;
using ApiPlatform.SystemApis.Erp.Procurement;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

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
        CreateGoodsReceiptRequest request, [FromHeader(Name = PlatformHeaders.IdempotencyKey)] string? idempotencyKey, GoodsReceiving receiving,
        [AsParameters] ErpRequest erp, CancellationToken cancellationToken)
    {
        if (idempotencyKey is { Length: 0 or > 128 })
        {
            return ProblemDetailsExtensions.Problem(400, ProblemTypes.BadRequest, "Bad Idempotency-Key", "An Idempotency-Key has 1 to 128 characters.");
        }
        return await receiving.ReceiveAsync(erp.User, erp.Client, request, idempotencyKey, cancellationToken) switch
        {
            null => TypedResults.NotFound(),
            { Created: true, Record: var receipt } => TypedResults.Created($"/v1/goods-receipts/{receipt.Id}", receipt),
            { Record: var replayed } => TypedResults.Ok(replayed),
        };
    }

    public static async Task<Ok<Page<GoodsReceipt>>> ListReceipts(
        [AsParameters] PageRequest page, string? purchaseOrderId, GoodsReceiving receiving, [AsParameters] ErpRequest erp, CancellationToken cancellationToken) =>
        TypedResults.Ok(await receiving.ListAsync(erp.User, purchaseOrderId, page, cancellationToken));

    public static async Task<Results<Ok<GoodsReceipt>, NotFound>> GetReceipt(
        string id, GoodsReceiving receiving, [AsParameters] ErpRequest erp, CancellationToken cancellationToken) =>
        await receiving.GetAsync(erp.User, id, cancellationToken) is { } receipt ? TypedResults.Ok(receipt) : TypedResults.NotFound();
}
