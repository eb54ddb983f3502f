using System.Security.Claims;
using ApiPlatform.ExperienceApis.Analytics.Data;
using ApiPlatform.ServiceDefaults.Auth;
using ApiPlatform.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ApiPlatform.ExperienceApis.Analytics.Apis;

public static class KpisApi
{
    public static RouteGroupBuilder MapKpisApi(this RouteGroupBuilder v1)
    {
        var kpis = v1.MapGroup("/kpis").WithTags("KPIs");
        kpis.MapGet("/", Get).WithValidation<KpiQuery>().WithName("getKpis")
            .WithSummary("Volumes, cycle times (p50/p95) per process and step, approval wait, fallout by reason and revenue in flight for a period");
        kpis.MapReconciliationKpisApi();
        return kpis;
    }

    public static async Task<Ok<Kpis>> Get(
        [AsParameters] KpiQuery query, AnalyticsDbContext db, ClaimsPrincipal user, TimeProvider clock, IOptions<AnalyticsOptions> options,
        CancellationToken cancellationToken)
    {
        var to = query.To ?? clock.GetUtcNow();
        var from = query.From ?? to - options.Value.DefaultKpiPeriod;
        var (start, end, now) = (from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds(), clock.GetUtcNow().ToUnixTimeMilliseconds());
        var visible = TransactionsApi.Visible(db, user, query.Tenant);
        visible = query.Kind is null ? visible : visible.Where(t => t.Kind == query.Kind);

        var started = await visible.Where(t => t.StartedAt >= start && t.StartedAt < end).ToListAsync(cancellationToken);
        var ended = await visible.Where(t => t.Ended && t.EndedAt >= start && t.EndedAt < end).ToListAsync(cancellationToken);
        var open = await visible.Where(t => !t.Ended || (t.PaidAt >= start && t.PaidAt < end)).ToListAsync(cancellationToken);
        var startedIds = started.Select(t => t.Id).ToList();
        var steps = await db.TimelineEntries.AsNoTracking()
            .Where(e => e.TransactionId != null && startedIds.Contains(e.TransactionId))
            .Select(e => new { e.TransactionId, e.Step, e.EventType, e.At })
            .ToListAsync(cancellationToken);

        var processes = started.GroupBy(t => t.Kind).OrderBy(g => g.Key).Select(g => new ProcessKpis(
            g.Key,
            g.Count(),
            g.Count(t => t.Status == "Paid"),
            g.Count(t => t.Ended && t.Status != "Paid"),
            g.Count(t => !t.Ended),
            g.Count(t => !t.Ended && t.DueAt < now),
            Percentiles.Of(g.Where(t => t.Status == "Paid" && t.EndedAt is not null).Select(t => t.EndedAt!.Value - t.StartedAt)),
            Percentiles.Of(g.Where(t => t.ApprovalWaitMs is not null).Select(t => t.ApprovalWaitMs!.Value)),
            StepTimes(steps.Where(s => g.Any(t => t.Id == s.TransactionId)).Select(s => (s.TransactionId!, s.Step, s.EventType, s.At))))).ToList();
        var fallout = ended.Where(t => t.Status != "Paid")
            .GroupBy(t => (t.Kind, Reason: t.Reason ?? t.Status))
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Kind).ThenBy(g => g.Key.Reason)
            .Select(g => new FalloutCount(g.Key.Kind, g.Key.Reason, g.Count())).ToList();
        var revenue = open.Where(t => t.Currency is not null && t.Amount is not null).GroupBy(t => t.Currency!).OrderBy(g => g.Key)
            .Select(g => new RevenueInFlight(
                g.Key,
                g.Where(t => !t.Ended && t.OrderedAt is not null && t.InvoicedAt is null).Sum(t => t.Amount!.Value),
                g.Where(t => !t.Ended && t.InvoicedAt is not null && t.PaidAt is null).Sum(t => t.Amount!.Value),
                g.Where(t => t.PaidAt >= start && t.PaidAt < end).Sum(t => t.Amount!.Value)))
            .ToList();
        return TypedResults.Ok(new Kpis(user.GetTenant() ?? query.Tenant, from, to, processes, fallout, revenue));
    }

    // A step's time is from the transaction's previous event to the event saying the step completed.
    private static List<StepKpis> StepTimes(IEnumerable<(string TransactionId, string? Step, string EventType, long At)> entries) =>
        entries.GroupBy(e => e.TransactionId)
            .SelectMany(t => t.OrderBy(e => e.At).Zip(t.OrderBy(e => e.At).Skip(1), (previous, e) => (e.Step, e.EventType, Ms: e.At - previous.At)))
            .Where(e => e.Step is not null && e.EventType.EndsWith(".step-completed.v1", StringComparison.Ordinal))
            .GroupBy(e => e.Step!)
            .OrderBy(g => g.Key)
            .Select(g => new StepKpis(g.Key, Percentiles.Of(g.Select(e => e.Ms))))
            .ToList();
}
