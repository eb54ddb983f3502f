using ApiPlatform.Contracts.Crm;
using ApiPlatform.Contracts;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ApiPlatform.SystemApis.Crm.Apis;

public static class QuotesApi
{
    public static RouteGroupBuilder MapQuotesApi(this RouteGroupBuilder v1)
    {
        var quotes = v1.MapGroup("/quotes").WithTags("Quotes");
        quotes.MapGet("/", ListQuotes).WithName("listQuotes").WithSummary("List quotes with their lines and totals").ProducesProblem(502);
        quotes.MapGet("/{id}", GetQuote).WithName("getQuote").WithSummary("Get one quote").ProducesProblem(404).ProducesProblem(502);
        quotes.MapPost("/", CreateQuote).WithValidation<CreateQuoteRequest>().WithName("createQuote")
            .WithSummary("Create a draft quote; totals are computed from its lines, discounts and tax rate")
            .ProducesProblem(403).ProducesProblem(422).ProducesProblem(502);
        quotes.MapQuoteDecisions();
        quotes.MapQuoteContract();
        return quotes;
    }

    public static async Task<Ok<Page<Quote>>> ListQuotes(
        [AsParameters] PageRequest page, string? accountId, QuoteStatus? status, [FromQuery] string? tenant, [AsParameters] CrmRequest crm,
        CancellationToken cancellationToken)
    {
        var (connector, resolved) = crm.For(tenant);
        return TypedResults.Ok(await connector.ListQuotesAsync(resolved, accountId, status, page, cancellationToken));
    }

    public static async Task<Results<Ok<Quote>, NotFound>> GetQuote(
        string id, [FromQuery] string? tenant, [AsParameters] CrmRequest crm, CancellationToken cancellationToken)
    {
        var (connector, resolved) = crm.For(tenant);
        return await connector.GetQuoteAsync(resolved, id, cancellationToken) is { } quote ? TypedResults.Ok(quote) : TypedResults.NotFound();
    }

    public static async Task<Results<Created<Quote>, Ok<Quote>, ProblemHttpResult>> CreateQuote(
        CreateQuoteRequest request, [FromHeader(Name = PlatformHeaders.IdempotencyKey)] string? idempotencyKey, [AsParameters] CrmRequest crm,
        CancellationToken cancellationToken)
    {
        var (connector, tenant) = crm.For(request.Tenant);
        if (await AccountReference.CheckAsync(connector, tenant, request.AccountId, cancellationToken) is { } unknown)
        {
            return unknown;
        }

        var written = await connector.CreateQuoteAsync(request, crm.CreationKeyFor(idempotencyKey), cancellationToken);
        return written.Created ? TypedResults.Created($"/v1/quotes/{written.Record.Id}", written.Record) : TypedResults.Ok(written.Record);
    }
}
