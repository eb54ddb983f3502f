using System.Security.Claims;
using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Crm;
using ApiPlatform.Contracts.QuoteToCash;
using ApiPlatform.ProcessApis.QuoteToCash.Workflows;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Auth;
using ApiPlatform.ServiceDefaults.Clients;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.ServiceDefaults.Validation;
using ApiPlatform.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ApiPlatform.ProcessApis.QuoteToCash.Apis;

public static class OrderRequestsApi
{
    public static RouteGroupBuilder MapOrderRequestsApi(this RouteGroupBuilder v1)
    {
        var requests = v1.MapGroup("/order-requests").WithTags("Order requests");
        requests.MapPost("/", CreateOrderRequest)
            .WithValidation<CreateOrderRequest>()
            .WithName("createOrderRequest")
            .WithSummary("Order an approved quote: answers 202 at once with the status resource; the steps run in the background")
            .ProducesProblem(404)
            .ProducesProblem(409)
            .ProducesProblem(422);
        requests.MapGet("/", ListOrderRequests).WithName("listOrderRequests").WithSummary("List order requests, newest first");
        requests.MapGet("/{id}", GetOrderRequest).WithName("getOrderRequest")
            .WithSummary("Get an order request with its step timeline, compensations, approval, shipments and payments").ProducesProblem(404);
        requests.MapApprovalApi();
        return requests;
    }

    public static async Task<Results<Accepted<OrderRequestStatus>, ProblemHttpResult>> CreateOrderRequest(
        CreateOrderRequest body, [FromHeader(Name = PlatformHeaders.IdempotencyKey)] string? idempotencyKey,
        OrderRequests orders, IWorkflowClient workflows, ICrmApi crm, ClaimsPrincipal user, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await orders.FindByQuoteAsync(body.QuoteId, cancellationToken) is { } existing)
        {
            return Existing(existing, body.QuoteId, idempotencyKey, user);
        }

        // The caller's own view of the quote (its token, exchanged): what it may not see is not found, and only an
        // approved quote that is still valid can be ordered. The workflow loads the quote again as its first step.
        using var quoteResponse = await crm.GetQuoteAsync(body.QuoteId, cancellationToken);
        if (quoteResponse.OrNotFound() is not { } quote || !user.CanSee(quote.Tenant))
        {
            return QuoteNotFound(body.QuoteId);
        }
        if (quote.Status != QuoteStatus.Approved)
        {
            return ProblemDetailsExtensions.Problem(422, ProblemTypes.BusinessRule, "Quote not approved",
                $"Quote {quote.Number} is {quote.Status}; only an approved quote can be ordered.");
        }
        if (quote.ValidUntil < time.GetUtcNow())
        {
            return ProblemDetailsExtensions.Problem(422, ProblemTypes.BusinessRule, "Quote expired", $"Quote {quote.Number} expired on {quote.ValidUntil:yyyy-MM-dd}.");
        }

        var start = await orders.StartAsync(quote.Id, quote.Tenant, quote.Total, idempotencyKey, body.ShipTo, user.GetClientId() ?? "unknown", cancellationToken);
        var instance = (await workflows.GetAsync(start.InstanceId, cancellationToken))!;
        return start.Created ? TypedResults.Accepted($"/v1/order-requests/{instance.Id}", OrderRequestMapping.ToContract(instance))
            : Existing(instance, body.QuoteId, idempotencyKey, user);
    }

    public static async Task<Ok<Page<OrderRequestStatus>>> ListOrderRequests(
        [AsParameters] PageRequest page, IWorkflowClient workflows, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (items, total) = await workflows.ListViewsAsync(
            new WorkflowFilter(OrderWorkflow.Name, Tenant: user.GetTenant()), page.Skip, page.Take, cancellationToken);
        return TypedResults.Ok(new Page<OrderRequestStatus>(items.Select(OrderRequestMapping.ToContract).ToList(), total, page.Skip, page.Take));
    }

    public static async Task<Results<Ok<OrderRequestStatus>, NotFound>> GetOrderRequest(
        string id, IWorkflowClient workflows, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await Visible(id, workflows, user, cancellationToken) is { } instance ? TypedResults.Ok(OrderRequestMapping.ToContract(instance)) : TypedResults.NotFound();

    internal static async Task<WorkflowInstanceView?> Visible(string id, IWorkflowClient workflows, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await workflows.GetAsync(id, cancellationToken) is { Type: var type } instance && type == OrderWorkflow.Name && user.CanSee(instance.Tenant ?? "")
            ? instance
            : null;

    /// <summary>A quote already has its order request: the same caller's retry (same key) gets it again; anything else is a conflict.</summary>
    private static Results<Accepted<OrderRequestStatus>, ProblemHttpResult> Existing(
        WorkflowInstanceView existing, string quoteId, string? idempotencyKey, ClaimsPrincipal user)
    {
        if (!user.CanSee(existing.Tenant ?? ""))
        {
            return QuoteNotFound(quoteId);
        }
        if (idempotencyKey is not null && existing.StateAs<OrderState>().RequestKey == idempotencyKey)
        {
            return TypedResults.Accepted($"/v1/order-requests/{existing.Id}", OrderRequestMapping.ToContract(existing));
        }
        return ProblemDetailsExtensions.Problem(409, ProblemTypes.Conflict, "Quote already ordered",
            $"Quote {quoteId} is already ordered by order request {existing.Id}.",
            new Dictionary<string, object?> { ["existingOrderRequestId"] = existing.Id, ["existingOrderRequest"] = $"/v1/order-requests/{existing.Id}" });
    }

    private static ProblemHttpResult QuoteNotFound(string quoteId) =>
        ProblemDetailsExtensions.Problem(404, ProblemTypes.NotFound, "Quote not found", $"There is no quote '{quoteId}' that the caller may order.");
}
