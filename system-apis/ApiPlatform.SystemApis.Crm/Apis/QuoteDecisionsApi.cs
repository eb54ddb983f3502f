using ApiPlatform.Contracts.Crm;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.ServiceDefaults.Validation;
using ApiPlatform.SystemApis.Crm.Quotes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ApiPlatform.SystemApis.Crm.Apis;

/// <summary>The approval workflow of a quote: submit a draft, then approve or reject it. A move the workflow forbids is 409.</summary>
public static class QuoteDecisionsApi
{
    public static RouteGroupBuilder MapQuoteDecisions(this RouteGroupBuilder quotes)
    {
        quotes.MapPost("/{id}/submit", Submit).WithName("submitQuote").WithSummary("Submit a draft quote for approval")
            .ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(502);
        quotes.MapPost("/{id}/approve", Approve).WithName("approveQuote").WithSummary("Approve a submitted quote")
            .ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(502);
        quotes.MapPost("/{id}/reject", Reject).WithValidation<RejectQuoteRequest>().WithName("rejectQuote")
            .WithSummary("Reject a submitted quote, with the reason").ProducesProblem(404).ProducesProblem(409).ProducesProblem(502);
        return quotes;
    }

    public static Task<Results<Ok<Quote>, NotFound, ProblemHttpResult>> Submit(
        string id, [FromQuery] string? tenant, [AsParameters] CrmRequest crm, CancellationToken cancellationToken) =>
        MoveAsync(id, tenant, QuoteStatus.Submitted, null, crm, cancellationToken);

    public static async Task<Results<Ok<Quote>, NotFound, ProblemHttpResult>> Approve(
        string id, [FromQuery] string? tenant, [AsParameters] CrmRequest crm, CancellationToken cancellationToken)
    {
        return await crm.Changes.InTransactionAsync(async () =>
        {
            var result = await MoveAsync(id, tenant, QuoteStatus.Approved, null, crm, cancellationToken);
            if (result.Result is Ok<Quote> { Value: { } approved })
            {
                await crm.Changes.QuoteApprovedAsync(approved, cancellationToken);
            }
            return result;
        }, cancellationToken);
    }

    public static Task<Results<Ok<Quote>, NotFound, ProblemHttpResult>> Reject(
        string id, RejectQuoteRequest request, [FromQuery] string? tenant, [AsParameters] CrmRequest crm, CancellationToken cancellationToken) =>
        MoveAsync(id, tenant, QuoteStatus.Rejected, request.Reason, crm, cancellationToken);

    private static async Task<Results<Ok<Quote>, NotFound, ProblemHttpResult>> MoveAsync(
        string id, string? tenant, QuoteStatus target, string? reason, CrmRequest crm, CancellationToken cancellationToken)
    {
        var (connector, resolved) = crm.For(tenant);
        if (await connector.GetQuoteAsync(resolved, id, cancellationToken) is not { } quote)
        {
            return TypedResults.NotFound();
        }

        if (!QuoteWorkflow.CanMove(quote.Status, target))
        {
            return ProblemDetailsExtensions.Problem(409, ProblemTypes.Conflict, "Quote not in a state for this",
                $"Quote {quote.Number} is {quote.Status}; it cannot become {target}.");
        }
        if (QuoteExpiry.Refuse(quote, target, crm.Time) is { } expired)
        {
            return expired;
        }
        return TypedResults.Ok(await connector.SetQuoteStatusAsync(quote, target, reason, cancellationToken));
    }
}
