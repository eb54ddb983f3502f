using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ApiPlatform.Contracts.Erp;
using ApiPlatform.Contracts;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.ServiceDefaults.Validation;
using ApiPlatform.SystemApis.Erp.Connectors;
using ApiPlatform.SystemApis.Erp.Inventory;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ApiPlatform.SystemApis.Erp.Apis;

public static class SalesOrdersApi
{
    public static RouteGroupBuilder MapSalesOrdersApi(this RouteGroupBuilder v1)
    {
        var orders = v1.MapGroup("/sales-orders").WithTags("Sales orders");
        orders.MapPost("/", CreateSalesOrder)
            .WithValidation<CreateSalesOrderRequest>()
            .WithName("createSalesOrder")
            .WithSummary("Create a sales order; a repeat with the same Idempotency-Key returns the same order")
            .ProducesProblem(400)
            .ProducesProblem(422)
            .ProducesProblem(502);
        // 422: a vendor ERP's order sold to a customer that no CRM account belongs to (its customer cannot be named canonically).
        orders.MapGet("/", ListSalesOrders).WithName("listSalesOrders").WithSummary("List sales orders").ProducesProblem(422).ProducesProblem(502);
        orders.MapGet("/{id}", GetSalesOrder).WithName("getSalesOrder").WithSummary("Get one sales order")
            .ProducesProblem(404).ProducesProblem(422).ProducesProblem(502);
        orders.MapSalesOrderFulfilment();
        return orders;
    }

    public static async Task<Results<Created<SalesOrder>, Ok<SalesOrder>, ProblemHttpResult>> CreateSalesOrder(
        CreateSalesOrderRequest request, [FromHeader(Name = PlatformHeaders.IdempotencyKey)] string? idempotencyKey, StockLedger ledger, [AsParameters] ErpRequest erp,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > 128)
        {
            return ProblemDetailsExtensions.Problem(400, ProblemTypes.BadRequest, "Idempotency-Key required",
                "Creating a sales order needs an Idempotency-Key header of at most 128 characters.");
        }

        var (connector, _) = erp.For(request.Tenant);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request))));
        var written = await erp.Changes.InTransactionAsync(async () =>
        {
            var write = await connector.CreateSalesOrderAsync(request, new OrderKey(erp.Client, idempotencyKey, hash), cancellationToken);
            if (write.Created)
            {
                // Embedded: the order and its event commit together. SAP: the order is SAP's document already, so the event is
                // recorded right after SAP accepted the write; a retry with the same key finds the order and records nothing.
                await erp.Changes.SalesOrderStatusChangedAsync(write.Order, null, null, cancellationToken);
                if (request.ReservationIds is { Count: > 0 } reservations)
                {
                    await ledger.AssignAsync(reservations, write.Order.Tenant, write.Order.Id, cancellationToken);
                }
            }
            return write;
        }, cancellationToken);
        if (written.KeyReused)
        {
            return ProblemDetailsExtensions.Problem(422, ProblemTypes.BusinessRule, "Idempotency key reused",
                $"The Idempotency-Key was already used for sales order {written.Order.Number} with a different request.");
        }

        return written.Created ? TypedResults.Created($"/v1/sales-orders/{written.Order.Id}", written.Order) : TypedResults.Ok(written.Order);
    }

    public static async Task<Ok<ApiPlatform.Contracts.Page<SalesOrder>>> ListSalesOrders(
        [AsParameters] PageRequest page, string? customerAccountId, SalesOrderStatus? status, [FromQuery] string? tenant, [AsParameters] ErpRequest erp,
        CancellationToken cancellationToken)
    {
        var (connector, resolved) = erp.For(tenant);
        return TypedResults.Ok(await connector.ListSalesOrdersAsync(resolved, customerAccountId, status, page, cancellationToken));
    }

    public static async Task<Results<Ok<SalesOrder>, NotFound>> GetSalesOrder(
        string id, [FromQuery] string? tenant, [AsParameters] ErpRequest erp, CancellationToken cancellationToken)
    {
        var (connector, resolved) = erp.For(tenant);
        return await connector.GetSalesOrderAsync(resolved, id, cancellationToken) is { } order ? TypedResults.Ok(order) : TypedResults.NotFound();
    }
}
