using ApiPlatform.Contracts.Erp;
using ApiPlatform.ServiceDefaults.Validation;
using ApiPlatform.SystemApis.Erp.Fulfilment;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ApiPlatform.SystemApis.Erp.Apis;

/// <summary>After an order is placed: its status and shipments, cancelling it (releasing its reservations), and fulfilling it.</summary>
public static class SalesOrderFulfilmentApi
{
    public static RouteGroupBuilder MapSalesOrderFulfilment(this RouteGroupBuilder orders)
    {
        orders.MapGet("/{id}/status", GetStatus).WithName("getSalesOrderStatus")
            .WithSummary("Where an order stands: its status, why it was cancelled, and its shipments").ProducesProblem(404).ProducesProblem(501);
        orders.MapPost("/{id}/cancel", Cancel).WithValidation<CancelSalesOrderRequest>().WithName("cancelSalesOrder")
            .WithSummary("Cancel an order that has not shipped, releasing its reservations").ProducesProblem(404).ProducesProblem(409).ProducesProblem(501);
        orders.MapPost("/{id}/shipments", Fulfil).WithValidation<FulfilSalesOrderRequest>().WithName("fulfilSalesOrder")
            .WithSummary("Ship an open order from one warehouse; stock is taken (its reservations first) and never goes negative")
            .ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(501);
        return orders;
    }

    public static async Task<Results<Ok<SalesOrderTracking>, NotFound>> GetStatus(
        string id, [FromQuery] string? tenant, OrderFulfilment fulfilment, [AsParameters] ErpRequest erp, CancellationToken cancellationToken)
    {
        erp.EmbeddedTenant(tenant);
        return await fulfilment.TrackAsync(erp.User, id, cancellationToken) is { } tracking ? TypedResults.Ok(tracking) : TypedResults.NotFound();
    }

    public static async Task<Results<Ok<SalesOrderTracking>, NotFound>> Cancel(
        string id, CancelSalesOrderRequest request, [FromQuery] string? tenant, OrderFulfilment fulfilment, [AsParameters] ErpRequest erp,
        CancellationToken cancellationToken)
    {
        erp.EmbeddedTenant(tenant);
        return await fulfilment.CancelAsync(erp.User, id, request.Reason, cancellationToken) is { } tracking ? TypedResults.Ok(tracking) : TypedResults.NotFound();
    }

    public static async Task<Results<Created<Shipment>, NotFound>> Fulfil(
        string id, FulfilSalesOrderRequest request, [FromQuery] string? tenant, OrderFulfilment fulfilment, [AsParameters] ErpRequest erp,
        CancellationToken cancellationToken)
    {
        erp.EmbeddedTenant(tenant);
        return await fulfilment.ShipAsync(erp.User, id, request, cancellationToken) is { } shipment
            ? TypedResults.Created($"/v1/sales-orders/{id}/status", shipment)
            : TypedResults.NotFound();
    }
}
