using System.Security.Claims;
using ApiPlatform.Contracts;
using ApiPlatform.ExperienceApis.Analytics.Data;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Auth;
using ApiPlatform.ServiceDefaults.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.ExperienceApis.Analytics.Apis;

public static class TransactionsApi
{
    public static RouteGroupBuilder MapTransactionsApi(this RouteGroupBuilder v1)
    {
        var transactions = v1.MapGroup("/transactions").WithTags("Transactions");
        transactions.MapGet("/", List).WithName("listTransactions")
            .WithSummary("List business transactions, filtered by kind (process), status, tenant, correlation id or stalled");
        transactions.MapGet("/stalled", ListStalled).WithName("listStalledTransactions")
            .WithSummary("List transactions waiting longer than their stage's SLA, longest overdue first, with the stage and system they wait on");
        transactions.MapGet("/{id}", Get).WithName("getTransaction").WithSummary("Get one business transaction").ProducesProblem(404);
        transactions.MapGet("/{id}/timeline", GetTimeline).WithName("getTransactionTimeline")
            .WithSummary("Get one transaction's timeline: every system's events on its documents, oldest first").ProducesProblem(404);
        return transactions;
    }

    public static async Task<Ok<Page<Transaction>>> List(
        [AsParameters] PageRequest page, [AsParameters] TransactionQuery filter, AnalyticsDbContext db, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var query = Visible(db, user, filter.Tenant);
        query = filter.Kind is null ? query : query.Where(t => t.Kind == filter.Kind);
        query = filter.Status is null ? query : query.Where(t => t.Status == filter.Status);
        query = filter.CorrelationId is null ? query : query.Where(t => t.CorrelationId == filter.CorrelationId);
        query = filter.Stalled switch
        {
            true => query.Where(t => !t.Ended && t.DueAt < now),
            false => query.Where(t => t.Ended || t.DueAt >= now),
            null => query,
        };
        return TypedResults.Ok(await query.OrderBy(t => t.Id).ToPageAsync(page, t => TransactionMapping.ToContract(t, now), cancellationToken));
    }

    public static async Task<Ok<Page<Transaction>>> ListStalled(
        [AsParameters] PageRequest page, string? tenant, string? kind, AnalyticsDbContext db, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var query = Visible(db, user, tenant).Where(t => !t.Ended && t.DueAt < now);
        query = kind is null ? query : query.Where(t => t.Kind == kind);
        return TypedResults.Ok(await query.OrderBy(t => t.DueAt).ThenBy(t => t.Id)
            .ToPageAsync(page, t => TransactionMapping.ToContract(t, now), cancellationToken));
    }

    public static async Task<Results<Ok<Transaction>, NotFound>> Get(
        string id, AnalyticsDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellationToken) =>
        await Visible(db, user, null).FirstOrDefaultAsync(t => t.Id == id, cancellationToken) is { } transaction
            ? TypedResults.Ok(TransactionMapping.ToContract(transaction, clock.GetUtcNow().ToUnixTimeMilliseconds()))
            : TypedResults.NotFound();

    public static async Task<Results<Ok<TransactionTimeline>, NotFound>> GetTimeline(
        string id, AnalyticsDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await Visible(db, user, null).FirstOrDefaultAsync(t => t.Id == id, cancellationToken) is not { } transaction)
        {
            return TypedResults.NotFound();
        }
        var references = db.TransactionLinks.Where(l => l.TransactionId == id).Select(l => l.Reference);
        var entries = await db.TimelineEntries.AsNoTracking()
            .Where(e => e.Tenant == transaction.Tenant && references.Contains(e.Reference))
            .OrderBy(e => e.At).ThenBy(e => e.Id)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new TransactionTimeline(
            TransactionMapping.ToContract(transaction, clock.GetUtcNow().ToUnixTimeMilliseconds()), entries.ConvertAll(TransactionMapping.ToContract)));
    }

    // A partner sees its own tenant whatever it asks for; an internal caller sees all, or one tenant's with ?tenant=.
    internal static IQueryable<TransactionEntity> Visible(AnalyticsDbContext db, ClaimsPrincipal user, string? tenant)
    {
        var query = db.Transactions.AsNoTracking().VisibleTo(user);
        return user.GetTenant() is null && tenant is not null ? query.Where(t => t.Tenant == tenant) : query;
    }
}
