using System.Security.Claims;
using ApiPlatform.ExperienceApis.Analytics.Data;
using ApiPlatform.ServiceDefaults.Auth;
using ApiPlatform.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ApiPlatform.ExperienceApis.Analytics.Apis;

public static class ReconciliationKpisApi
{
    public static RouteGroupBuilder MapReconciliationKpisApi(this RouteGroupBuilder kpis)
    {
        kpis.MapGet("/reconciliation", Get).WithValidation<ReconciliationKpiQuery>().WithName("getReconciliationKpis")
            .WithSummary("Reconciliation runs, exceptions opened, reopened, resolved and cleared by kind, and amounts in exception for a period");
        return kpis;
    }

    public static async Task<Ok<ReconciliationKpis>> Get(
        [AsParameters] ReconciliationKpiQuery query, AnalyticsDbContext db, ClaimsPrincipal user, TimeProvider clock, IOptions<AnalyticsOptions> options,
        CancellationToken cancellationToken)
    {
        var to = query.To ?? clock.GetUtcNow();
        var from = query.From ?? to - options.Value.DefaultKpiPeriod;
        var (start, end) = (from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds());
        // A partner sees its own tenant whatever it asks for.
        var tenant = user.GetTenant() ?? query.Tenant;

        var runs = await db.ReconciliationRuns.AsNoTracking()
            .Where(r => (tenant == null || r.Tenant == tenant) && r.CompletedAt >= start && r.CompletedAt < end)
            .Select(r => r.DocumentsCompared).ToListAsync(cancellationToken);
        var changes = await db.ReconciliationEvents.AsNoTracking()
            .Where(c => (tenant == null || c.Tenant == tenant) && c.At >= start && c.At < end).ToListAsync(cancellationToken);
        var open = await db.ReconciliationExceptions.AsNoTracking()
            .Where(e => (tenant == null || e.Tenant == tenant) && e.Open).ToListAsync(cancellationToken);

        var kinds = changes.Select(c => c.Kind).Concat(open.Select(e => e.Kind)).Distinct().Order(StringComparer.Ordinal)
            .Select(kind => new ReconciliationKindKpis(kind,
                changes.Count(c => c.Kind == kind && c.Action == "opened"),
                changes.Count(c => c.Kind == kind && c.Action == "reopened"),
                changes.Count(c => c.Kind == kind && c.Action == "resolved"),
                changes.Count(c => c.Kind == kind && c.Action == "cleared"),
                open.Count(e => e.Kind == kind)))
            .ToList();
        var opened = changes.Where(c => c.Currency is not null && c.Amount is not null).ToList();
        var amounts = opened.Select(c => c.Currency!).Concat(open.Select(e => e.Currency)).Distinct().Order(StringComparer.Ordinal)
            .Select(currency => new AmountInException(currency,
                opened.Where(c => c.Currency == currency).Sum(c => c.Amount!.Value),
                open.Where(e => e.Currency == currency).Sum(e => e.Amount)))
            .ToList();
        return TypedResults.Ok(new ReconciliationKpis(tenant, from, to, runs.Count, runs.Sum(), kinds, amounts));
    }
}
