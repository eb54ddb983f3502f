using System.Security.Claims;
using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Erp;
using ApiPlatform.Contracts.QuoteToCash;
using ApiPlatform.ExperienceApis.PartnerPortal.Data;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Auth;
using ApiPlatform.ServiceDefaults.Clients;
using ApiPlatform.ServiceDefaults.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.ExperienceApis.PartnerPortal.Apis;

public static class PartnerOrdersApi
{
    public static RouteGroupBuilder MapPartnerOrdersApi(this RouteGroupBuilder v1)
    {
        var orders = v1.MapGroup("/orders").WithTags("Orders");
        orders.MapGet("/", ListOrders).WithName("listPartnerOrders").WithSummary("List the orders the caller placed through the portal");
        orders.MapGet("/{id}", GetOrder).WithName("getPartnerOrder").WithSummary("Get one order with its status timeline").ProducesProblem(404);
        return orders;
    }

    public static async Task<Results<Accepted<PartnerOrder>, ProblemHttpResult>> OrderQuote(
        string quoteId, [FromHeader(Name = PlatformHeaders.IdempotencyKey)] string? idempotencyKey,
        [AsParameters] OrderPlacement placement, CancellationToken cancellationToken)
    {
        var (request, refused) = await placement.PlaceAsync(quoteId, idempotencyKey, cancellationToken);
        return request is null ? refused! : TypedResults.Accepted($"/v1/orders/{request.Id}", PartnerOrder.From(request));
    }

    public static async Task<Ok<Page<PartnerOrderSummary>>> ListOrders(
        [AsParameters] PageRequest page, PortalDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var query = db.Orders.AsNoTracking().VisibleTo(user);
        return TypedResults.Ok(await query.OrderByDescending(o => o.OrderRequestId).ToPageAsync(
            page, o => new PartnerOrderSummary(o.OrderRequestId, o.QuoteId, o.PlacedBy, o.PlacedAt), cancellationToken));
    }

    public static async Task<Results<Ok<PartnerOrder>, NotFound>> GetOrder(
        string id, IQuoteToCashApi quoteToCash, IErpApi erp, ClaimsPrincipal user, ILogger<PartnerOrder> logger, CancellationToken cancellationToken)
    {
        using var response = await quoteToCash.GetOrderRequestAsync(id, cancellationToken);
        if (response.OrNotFound() is not { } request || request.Tenant != user.GetTenant())
        {
            return TypedResults.NotFound();
        }

        if (request.SalesOrderId is null)
        {
            return TypedResults.Ok(PartnerOrder.From(request));
        }

        // The sales order is a detail of the view: when erp cannot answer, the order is still shown.
        using var salesOrder = await erp.GetSalesOrderAsync(request.SalesOrderId, cancellationToken);
        if (salesOrder.IsSuccessful && salesOrder.Content is { } order)
        {
            return TypedResults.Ok(PartnerOrder.From(request, order));
        }
        logger.LogWarning(salesOrder.Error, "erp could not answer sales order {SalesOrder}; answering order {Order} without it", request.SalesOrderId, id);
        return TypedResults.Ok(PartnerOrder.From(request, unavailable: ["erp"]));
    }
}
