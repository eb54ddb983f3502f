using System.Security.Claims;
using ApiPlatform.Contracts;
using ApiPlatform.ExperienceApis.Analytics.Data;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.ExperienceApis.Analytics.Apis;

public static class TransactionsApi
{
    public sealed record Transaction(string Id, string Tenant, string Kind, string Status, DateTimeOffset StartedAt, DateTimeOffset LastProgressAt);

    public static RouteGroupBuilder MapTransactionsApi(this RouteGroupBuilder v1)
    {
        var transactions = v1.MapGroup("/transactions").WithTags("Transactions");
        transactions.MapGet("/", List).WithName("listTransactions").WithSummary("List business transactions");
        transactions.MapGet("/{id}", Get).WithName("getTransaction").WithSummary("Get one business transaction").ProducesProblem(404);
        return transactions;
    }

    public static async Task<Ok<Page<Transaction>>> List(
        [AsParameters] PageRequest page, string? kind, AnalyticsDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var query = db.Transactions.AsNoTracking().VisibleTo(user);
        if (kind is not null)
        {
            query = query.Where(t => t.Kind == kind);
        }

        return TypedResults.Ok(await query.OrderBy(t => t.Id).ToPageAsync(page, ToContract, cancellationToken));
    }

    public static async Task<Results<Ok<Transaction>, NotFound>> Get(string id, AnalyticsDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await db.Transactions.AsNoTracking().VisibleTo(user).FirstOrDefaultAsync(t => t.Id == id, cancellationToken) is { } transaction
            ? TypedResults.Ok(ToContract(transaction))
            : TypedResults.NotFound();

    private static Transaction ToContract(TransactionEntity t) => new(t.Id, t.Tenant, t.Kind, t.Status, t.StartedAt, t.LastProgressAt);
}
