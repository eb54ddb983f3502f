using ApiPlatform.Contracts.Crm;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.ServiceDefaults.Validation;
using ApiPlatform.SystemApis.Crm.Quotes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ApiPlatform.SystemApis.Crm.Apis;

/// <summary>
/// The approval workflow of a quote: submit a draft, then approve or reject it. A move the workflow forbids is 409. Each
/// is idempotent: a quote already where the call would put it (rejected with the same reason) is answered unchanged and
/// publishes nothing, so a client that lost the answer can send the call again.
/// </summary>
public static class QuoteDecisionsApi
{
    public static RouteGroupBuilder MapQuoteDecisions(this RouteGroupBuilder quotes)
    {
        quotes.MapPost("/{id}/submit", Submit).WithName("submitQuote").WithSummary("Submit a draft quote for approval; a submitted quote is answered unchanged")
            .ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(502);
        quotes.MapPost("/{id}/approve", Approve).WithName("approveQuote").WithSummary("Approve a submitted quote; an approved quote is answered unchanged")
            .ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(502);
        quotes.MapPost("/{id}/reject", Reject).WithValidation<RejectQuoteRequest>().WithName("rejectQuote")
            .WithSummary("Reject a submitted quote, with the reason; a quote rejected for the same reason is answered unchanged").ProducesProblem(404).ProducesProblem(409).ProducesProblem(502);
        return quotes;
    }

    public static async Task<Results<Ok<Quote>, NotFound, ProblemHttpResult>> Submit(
        string id, [FromQuery] string? tenant, [AsParameters] CrmRequest crm, CancellationToken cancellationToken) =>
        (await MoveAsync(id, tenant, QuoteStatus.Submitted, null, crm, cancellationToken)).Result;

    public static async Task<Results<Ok<Quote>, NotFound, ProblemHttpResult>> Approve(
        string id, [FromQuery] string? tenant, [AsParameters] CrmRequest crm, CancellationToken cancellationToken)
    {
        return await crm.Changes.InTransactionAsync(async () =>
        {
            var (result, moved) = await MoveAsync(id, tenant, QuoteStatus.Approved, null, crm, cancellationToken);
            if (moved && result.Result is Ok<Quote> { Value: { } approved })
            {
                await crm.Changes.QuoteApprovedAsync(approved, cancellationToken);
            }
            return result;
        }, cancellationToken);
    }

    public static async Task<Results<Ok<Quote>, NotFound, ProblemHttpResult>> Reject(
        string id, RejectQuoteRequest request, [FromQuery] string? tenant, [AsParameters] CrmRequest crm, CancellationToken cancellationToken) =>
        (await MoveAsync(id, tenant, QuoteStatus.Rejected, request.Reason, crm, cancellationToken)).Result;

    /// <summary>The answer, and whether the quote moved (a quote already there is answered unchanged).</summary>
    private static async Task<(Results<Ok<Quote>, NotFound, ProblemHttpResult> Result, bool Moved)> MoveAsync(
        string id, string? tenant, QuoteStatus target, string? reason, CrmRequest crm, CancellationToken cancellationToken)
    {
        var (connector, resolved) = crm.For(tenant);
        if (await connector.GetQuoteAsync(resolved, id, cancellationToken) is not { } quote)
        {
            return (TypedResults.NotFound(), false);
        }
        if (quote.Status == target && (reason is null || reason == quote.DecisionReason))
        {
            return (TypedResults.Ok(quote), false);
        }
        if (!QuoteWorkflow.CanMove(quote.Status, target))
        {
            return (ProblemDetailsExtensions.Problem(409, ProblemTypes.Conflict, "Quote not in a state for this",
                $"Quote {quote.Number} is {quote.Status}; it cannot become {target}."), false);
        }
        if (QuoteExpiry.Refuse(quote, target, crm.Time) is { } expired)
        {
            return (expired, false);
        }
        return (TypedResults.Ok(await connector.SetQuoteStatusAsync(quote, target, reason, cancellationToken)), true);
    }
}
