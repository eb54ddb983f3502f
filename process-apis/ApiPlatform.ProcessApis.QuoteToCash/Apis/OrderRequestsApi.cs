using System.Net;
using System.Security.Claims;
using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Crm;
using ApiPlatform.Contracts.QuoteToCash;
using ApiPlatform.ProcessApis.QuoteToCash.Data;
using ApiPlatform.ProcessApis.QuoteToCash.Workflows;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Auth;
using ApiPlatform.ServiceDefaults.Data;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Refit;

namespace ApiPlatform.ProcessApis.QuoteToCash.Apis;

public static class OrderRequestsApi
{
    public static RouteGroupBuilder MapOrderRequestsApi(this RouteGroupBuilder v1)
    {
        var requests = v1.MapGroup("/order-requests").WithTags("Order requests");
        requests.MapPost("/", CreateOrderRequest)
            .WithValidation<CreateOrderRequest>()
            .WithName("createOrderRequest")
            .WithSummary("Order an approved quote: check credit, create the sales order, answer the status resource")
            .ProducesProblem(404)
            .ProducesProblem(409)
            .ProducesProblem(422);
        requests.MapGet("/", ListOrderRequests).WithName("listOrderRequests").WithSummary("List order requests");
        requests.MapGet("/{id}", GetOrderRequest).WithName("getOrderRequest").WithSummary("Get an order request with its step timeline").ProducesProblem(404);
        return requests;
    }

    public static async Task<Results<Accepted<OrderRequestStatus>, ProblemHttpResult>> CreateOrderRequest(
        CreateOrderRequest body, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        QuoteToCashDbContext db, ICrmApi crm, OrderRequestWorkflow workflow, ClaimsPrincipal user, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var existing = await db.OrderRequests.FirstOrDefaultAsync(r => r.QuoteId == body.QuoteId, cancellationToken);
        if (existing is not null && user.CanSee(existing.Tenant) && existing.Status != OrderRequestState.Failed
            && (idempotencyKey is null || existing.IdempotencyKey != idempotencyKey))
        {
            return AlreadyOrdered(existing);
        }

        using var quoteResponse = await crm.GetQuoteAsync(body.QuoteId, cancellationToken);
        if (quoteResponse.StatusCode == HttpStatusCode.NotFound || (existing is not null && !user.CanSee(existing.Tenant)))
        {
            return QuoteNotFound(body.QuoteId);
        }

        if (!quoteResponse.IsSuccessful || quoteResponse.Content is not { } quote)
        {
            throw (Exception?)quoteResponse.Error ?? new InvalidOperationException("crm answered an empty quote.");
        }

        if (existing is null && quote.Status != QuoteStatus.Approved)
        {
            return ProblemDetailsExtensions.Problem(422, ProblemTypes.BusinessRule, "Quote not approved",
                $"Quote {quote.Number} is {quote.Status}; only an approved quote can be ordered.");
        }

        var request = existing ?? NewRequest(quote, user, idempotencyKey, time.GetUtcNow());
        if (existing is null)
        {
            db.OrderRequests.Add(request);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                return AlreadyOrdered(await db.OrderRequests.AsNoTracking().SingleAsync(r => r.QuoteId == body.QuoteId, cancellationToken));
            }
        }

        // The workflow runs to its end even if the caller disconnects: its state must not stop between two steps.
        if (request.Status is OrderRequestState.Running or OrderRequestState.Failed)
        {
            await workflow.RunAsync(request, quote, CancellationToken.None);
        }
        return TypedResults.Accepted($"/v1/order-requests/{request.Id}", OrderRequestMapping.ToContract(request));
    }

    public static async Task<Ok<Page<OrderRequestStatus>>> ListOrderRequests(
        [AsParameters] PageRequest page, QuoteToCashDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var query = db.OrderRequests.AsNoTracking().VisibleTo(user);
        return TypedResults.Ok(await query.OrderByDescending(r => r.Id).ToPageAsync(page, OrderRequestMapping.ToContract, cancellationToken));
    }

    public static async Task<Results<Ok<OrderRequestStatus>, NotFound>> GetOrderRequest(
        string id, QuoteToCashDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var request = await db.OrderRequests.AsNoTracking().VisibleTo(user).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        return request is null ? TypedResults.NotFound() : TypedResults.Ok(OrderRequestMapping.ToContract(request));
    }

    private static OrderRequestEntity NewRequest(Quote quote, ClaimsPrincipal user, string? idempotencyKey, DateTimeOffset now) => new()
    {
        Id = $"or-{Guid.NewGuid():N}",
        Tenant = quote.Tenant,
        QuoteId = quote.Id,
        RequestedBy = user.FindFirst("sub")?.Value ?? "unknown",
        IdempotencyKey = idempotencyKey,
        Status = OrderRequestState.Running,
        TotalAmount = quote.Total.Amount,
        Currency = quote.Total.Currency,
        CreatedAt = now,
        UpdatedAt = now,
        Steps = OrderSteps.All.Select((name, i) => new OrderRequestStepEntity
        {
            Sequence = i + 1,
            Name = name,
            Status = name == OrderSteps.LoadQuote ? StepState.Succeeded : StepState.Pending,
            Detail = name == OrderSteps.LoadQuote ? $"Quote {quote.Number} for {quote.Total.Amount:0.00} {quote.Total.Currency}." : null,
            Attempts = name == OrderSteps.LoadQuote ? 1 : 0,
            StartedAt = name == OrderSteps.LoadQuote ? now : null,
            CompletedAt = name == OrderSteps.LoadQuote ? now : null,
        }).ToList(),
    };

    private static ProblemHttpResult AlreadyOrdered(OrderRequestEntity existing) =>
        ProblemDetailsExtensions.Problem(409, ProblemTypes.Conflict, "Quote already ordered",
            $"Quote {existing.QuoteId} is already ordered by order request {existing.Id}.",
            new Dictionary<string, object?> { ["existingOrderRequestId"] = existing.Id, ["existingOrderRequest"] = $"/v1/order-requests/{existing.Id}" });

    private static ProblemHttpResult QuoteNotFound(string quoteId) =>
        ProblemDetailsExtensions.Problem(404, ProblemTypes.NotFound, "Quote not found", $"There is no quote '{quoteId}' that the caller may order.");
}
