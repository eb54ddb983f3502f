using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ApiPlatform.Contracts.Erp;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Auth;
using ApiPlatform.ServiceDefaults.Data;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.ServiceDefaults.Validation;
using ApiPlatform.SystemApis.Erp.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

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
            .ProducesProblem(422);
        orders.MapGet("/", ListSalesOrders).WithName("listSalesOrders").WithSummary("List sales orders");
        orders.MapGet("/{id}", GetSalesOrder).WithName("getSalesOrder").WithSummary("Get one sales order").ProducesProblem(404);
        return orders;
    }

    public static async Task<Results<Created<SalesOrder>, Ok<SalesOrder>, ProblemHttpResult>> CreateSalesOrder(
        CreateSalesOrderRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        ErpDbContext db, ClaimsPrincipal user, TimeProvider time, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > 128)
        {
            return ProblemDetailsExtensions.Problem(400, ProblemTypes.BadRequest, "Idempotency-Key required",
                "Creating a sales order needs an Idempotency-Key header of at most 128 characters.");
        }

        if (!user.CanSee(request.Tenant))
        {
            return ProblemDetailsExtensions.Problem(403, ProblemTypes.Forbidden, "Foreign tenant", "A caller may create orders only for its own tenant.");
        }

        var client = user.GetClientId() ?? "unknown";
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request))));
        if (await FindByKey(db, client, idempotencyKey, cancellationToken) is { } earlier)
        {
            return Replay(earlier, hash);
        }

        var order = NewOrder(request, client, idempotencyKey, hash, time.GetUtcNow());
        db.SalesOrders.Add(order);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent create with the same key won the race: answer as its replay.
            var concurrent = await FindByKey(db, client, idempotencyKey, cancellationToken);
            if (concurrent is null)
            {
                throw;
            }
            return Replay(concurrent, hash);
        }

        return TypedResults.Created($"/v1/sales-orders/{order.Id}", SalesOrderMapping.ToContract(order));
    }

    public static async Task<Ok<ApiPlatform.Contracts.Page<SalesOrder>>> ListSalesOrders(
        [AsParameters] PageRequest page, ErpDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var query = db.SalesOrders.AsNoTracking().Include(o => o.Lines).VisibleTo(user);
        return TypedResults.Ok(await query.OrderBy(o => o.Number).ToPageAsync(page, SalesOrderMapping.ToContract, cancellationToken));
    }

    public static async Task<Results<Ok<SalesOrder>, NotFound>> GetSalesOrder(
        string id, ErpDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var order = await db.SalesOrders.AsNoTracking().Include(o => o.Lines).VisibleTo(user).FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        return order is null ? TypedResults.NotFound() : TypedResults.Ok(SalesOrderMapping.ToContract(order));
    }

    private static Task<SalesOrderEntity?> FindByKey(ErpDbContext db, string client, string key, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return db.SalesOrders.AsNoTracking().Include(o => o.Lines)
            .FirstOrDefaultAsync(o => o.CreatedBy == client && o.IdempotencyKey == key, cancellationToken);
    }

    private static Results<Created<SalesOrder>, Ok<SalesOrder>, ProblemHttpResult> Replay(SalesOrderEntity earlier, string hash) =>
        earlier.RequestHash == hash
            ? TypedResults.Ok(SalesOrderMapping.ToContract(earlier))
            : ProblemDetailsExtensions.Problem(422, ProblemTypes.BusinessRule, "Idempotency key reused",
                $"The Idempotency-Key was already used for sales order {earlier.Number} with a different request.");

    private static SalesOrderEntity NewOrder(CreateSalesOrderRequest request, string client, string key, string hash, DateTimeOffset now)
    {
        var id = Guid.NewGuid().ToString("N");
        return new SalesOrderEntity
        {
            Id = $"so-{id}",
            Tenant = request.Tenant,
            Number = $"SO-{now:yyyyMMdd}-{id[..8].ToUpperInvariant()}",
            CustomerAccountId = request.CustomerAccountId,
            QuoteId = request.QuoteId,
            Status = SalesOrderStatus.Open,
            Currency = request.Currency,
            CreatedAt = now,
            CreatedBy = client,
            IdempotencyKey = key,
            RequestHash = hash,
            Lines = request.Lines.Select((l, i) => new SalesOrderLineEntity
            {
                LineNumber = i + 1, Sku = l.Sku, Description = l.Description, Quantity = l.Quantity, UnitPrice = l.UnitPrice.Amount,
                DiscountPercent = l.DiscountPercent,
            }).ToList(),
        };
    }
}
