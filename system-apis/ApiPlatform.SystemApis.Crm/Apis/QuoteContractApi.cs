using ApiPlatform.Contracts.Crm;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.SystemApis.Crm.Quotes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ApiPlatform.SystemApis.Crm.Apis;

/// <summary>
/// The contract of an approved quote: accept records it (the opportunity is won), reopen undoes that. Both are
/// idempotent: a quote already where the call would put it is answered unchanged. Neither publishes an event.
/// </summary>
public static class QuoteContractApi
{
    public static RouteGroupBuilder MapQuoteContract(this RouteGroupBuilder quotes)
    {
        quotes.MapPost("/{id}/accept", Accept).WithName("acceptQuote")
            .WithSummary("Accept an approved quote, moving its opportunity to ClosedWon; an accepted quote is answered unchanged; a vendor CRM answers 501")
            .ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(501).ProducesProblem(502);
        quotes.MapPost("/{id}/reopen", Reopen).WithName("reopenQuote")
            .WithSummary("Move an accepted quote back to approved and its opportunity back to its stage before it was won (Negotiation if not known); an approved quote is answered unchanged")
            .ProducesProblem(404).ProducesProblem(409).ProducesProblem(502);
        return quotes;
    }

    public static Task<Results<Ok<Quote>, NotFound, ProblemHttpResult>> Accept(
        string id, [FromQuery] string? tenant, [AsParameters] CrmRequest crm, CancellationToken cancellationToken) =>
        MoveAsync(id, tenant, QuoteStatus.Accepted, crm, cancellationToken);

    public static Task<Results<Ok<Quote>, NotFound, ProblemHttpResult>> Reopen(
        string id, [FromQuery] string? tenant, [AsParameters] CrmRequest crm, CancellationToken cancellationToken) =>
        MoveAsync(id, tenant, QuoteStatus.Approved, crm, cancellationToken);

    private static async Task<Results<Ok<Quote>, NotFound, ProblemHttpResult>> MoveAsync(
        string id, string? tenant, QuoteStatus target, CrmRequest crm, CancellationToken cancellationToken)
    {
        var (connector, resolved) = crm.For(tenant);
        if (await connector.GetQuoteAsync(resolved, id, cancellationToken) is not { } quote)
        {
            return TypedResults.NotFound();
        }
        if (quote.Status == target)
        {
            return TypedResults.Ok(quote);
        }
        if (!QuoteWorkflow.CanRecordContract(quote.Status, target))
        {
            return ProblemDetailsExtensions.Problem(409, ProblemTypes.Conflict, "Quote not in a state for this",
                $"Quote {quote.Number} is {quote.Status}; it cannot become {target}.");
        }
        // Reopening (a compensation) is never refused for expiry; accepting an expired quote is.
        if (target == QuoteStatus.Accepted && QuoteExpiry.Refuse(quote, target, crm.Time) is { } expired)
        {
            return expired;
        }
        return TypedResults.Ok(await connector.SetQuoteStatusAsync(quote, target, quote.DecisionReason, cancellationToken));
    }
}
