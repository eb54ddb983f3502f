using System.Security.Claims;
using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Crm;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Data;
using ApiPlatform.SystemApis.Crm.Data;
using ApiPlatform.SystemApis.Crm.Quotes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.SystemApis.Crm.Apis;

public static class QuotesApi
{
    public static RouteGroupBuilder MapQuotesApi(this RouteGroupBuilder v1)
    {
        var quotes = v1.MapGroup("/quotes").WithTags("Quotes");
        quotes.MapGet("/", ListQuotes).WithName("listQuotes").WithSummary("List quotes with their lines and totals");
        quotes.MapGet("/{id}", GetQuote).WithName("getQuote").WithSummary("Get one quote").ProducesProblem(404);
        return quotes;
    }

    public static async Task<Ok<Page<Quote>>> ListQuotes(
        [AsParameters] PageRequest page, string? accountId, QuoteStatus? status, CrmDbContext db, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var query = db.Quotes.AsNoTracking().Include(q => q.Lines).VisibleTo(user);
        if (accountId is not null)
        {
            query = query.Where(q => q.AccountId == accountId);
        }

        if (status is not null)
        {
            query = query.Where(q => q.Status == status);
        }

        return TypedResults.Ok(await query.OrderBy(q => q.Number).ToPageAsync(page, QuotePricing.ToContract, cancellationToken));
    }

    public static async Task<Results<Ok<Quote>, NotFound>> GetQuote(
        string id, CrmDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var quote = await db.Quotes.AsNoTracking().Include(q => q.Lines).VisibleTo(user).FirstOrDefaultAsync(q => q.Id == id, cancellationToken);
        return quote is null ? TypedResults.NotFound() : TypedResults.Ok(QuotePricing.ToContract(quote));
    }

}
