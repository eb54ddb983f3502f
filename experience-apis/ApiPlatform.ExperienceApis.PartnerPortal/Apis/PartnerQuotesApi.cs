using System.Security.Claims;
using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Crm;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Auth;
using ApiPlatform.ServiceDefaults.Clients;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApiPlatform.ExperienceApis.PartnerPortal.Apis;

public static class PartnerQuotesApi
{
    /// <summary>
    /// The quotes of a version; <paramref name="orderQuote"/> answers an order in that version's shape. Endpoint names
    /// (the operation ids) are unique across versions: <paramref name="noun"/> is <c>Partner</c> in v1, <c>Portal</c> in v2.
    /// </summary>
    public static RouteGroupBuilder MapPartnerQuotesApi(this RouteGroupBuilder version, string noun, Delegate orderQuote)
    {
        var quotes = version.MapGroup("/quotes").WithTags("Quotes");
        quotes.MapGet("/", ListQuotes).WithName($"list{noun}Quotes").WithSummary("List the caller's quotes");
        quotes.MapGet("/{quoteId}", GetQuote).WithName($"get{noun}Quote").WithSummary("Get one of the caller's quotes").ProducesProblem(404);
        quotes.MapPost("/{quoteId}/order", orderQuote)
            .WithName($"order{noun}Quote")
            .WithSummary("Order an approved quote; answers 202 at once with the order and its step timeline, which moves on in the background")
            .ProducesValidationProblem()
            .ProducesProblem(404)
            .ProducesProblem(409)
            .ProducesProblem(422);
        return quotes;
    }

    public static async Task<Ok<Page<PartnerQuote>>> ListQuotes(
        [AsParameters] PageRequest page, QuoteStatus? status, ICrmApi crm, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        // crm filters by the tenant in the exchanged token; the portal checks again before showing anything.
        using var response = await crm.ListQuotesAsync(null, status, page.Skip, page.Take, cancellationToken);
        var quotes = response.Require();
        var own = quotes.Items.Where(q => q.Tenant == user.GetTenant()).Select(PartnerQuote.From).ToList();
        return TypedResults.Ok(new Page<PartnerQuote>(own, quotes.Total, quotes.Offset, quotes.Limit));
    }

    public static async Task<Results<Ok<PartnerQuote>, NotFound>> GetQuote(
        string quoteId, ICrmApi crm, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        using var response = await crm.GetQuoteAsync(quoteId, cancellationToken);
        return response.OrNotFound() is { } quote && quote.Tenant == user.GetTenant() ? TypedResults.Ok(PartnerQuote.From(quote)) : TypedResults.NotFound();
    }
}
