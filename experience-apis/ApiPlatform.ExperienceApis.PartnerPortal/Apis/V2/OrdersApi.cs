using System.Security.Claims;
using ApiPlatform.Contracts;
using ApiPlatform.Contracts.QuoteToCash;
using ApiPlatform.ServiceDefaults.Auth;
using ApiPlatform.ServiceDefaults.Clients;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ApiPlatform.ExperienceApis.PartnerPortal.Apis.V2;

/// <summary>v2 orders: each told as its quote-to-cash process, with the sales order, shipments and invoices embedded.</summary>
public static class OrdersApi
{
    public static RouteGroupBuilder MapOrdersApi(this RouteGroupBuilder v2)
    {
        var orders = v2.MapGroup("/orders").WithTags("Orders");
        orders.MapGet("/", PartnerOrdersApi.ListOrders).WithName("listPortalOrders").WithSummary("List the orders the caller placed through the portal, newest first");
        orders.MapGet("/{id}", GetOrder).WithName("getPortalOrder")
            .WithSummary("Get one order: its process stage and step timeline, sales order, shipments and invoices; a system that cannot answer in time is named in unavailable")
            .ProducesProblem(404);
        return orders;
    }

    public static async Task<Results<Accepted<PortalOrder>, ProblemHttpResult>> OrderQuote(
        string quoteId, [FromHeader(Name = PlatformHeaders.IdempotencyKey)] string? idempotencyKey,
        [AsParameters] OrderPlacement placement, CancellationToken cancellationToken)
    {
        var (request, refused) = await placement.PlaceAsync(quoteId, idempotencyKey, cancellationToken);
        return request is null ? refused! : TypedResults.Accepted($"/v2/orders/{request.Id}", OrderView.Placed(request));
    }

    public static async Task<Results<Ok<PortalOrder>, NotFound>> GetOrder(
        string id, IQuoteToCashApi quoteToCash, [AsParameters] OrderView view, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        using var response = await quoteToCash.GetOrderRequestAsync(id, cancellationToken);
        return response.OrNotFound() is { } request && request.Tenant == user.GetTenant()
            ? TypedResults.Ok(await view.ComposeAsync(request, cancellationToken))
            : TypedResults.NotFound();
    }
}
