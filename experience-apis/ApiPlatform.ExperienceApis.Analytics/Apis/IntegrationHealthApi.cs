using System.Globalization;
using System.Security.Claims;
using ApiPlatform.Contracts.Events;
using ApiPlatform.ExperienceApis.Analytics.Data;
using ApiPlatform.ServiceDefaults.Auth;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ApiPlatform.ExperienceApis.Analytics.Apis;

public static class IntegrationHealthApi
{
    public static RouteHandlerBuilder MapIntegrationHealthApi(this RouteGroupBuilder v1) =>
        v1.MapGet("/integration-health", Get).WithTags("Integration health").WithValidation<IntegrationHealthQuery>().WithName("getIntegrationHealth")
            .WithSummary("Calls, error rate, p99 latency, failures by status and cause and mapping failures by field per system API and connector, with the outbox lag and dead letters of every service that publishes or consumes events (internal callers only)")
            .ProducesProblem(403);

    public static async Task<Results<Ok<IntegrationHealth>, ProblemHttpResult>> Get(
        [AsParameters] IntegrationHealthQuery query, AnalyticsDbContext db, ClaimsPrincipal user, TimeProvider clock,
        IOptions<AnalyticsOptions> options, CancellationToken cancellationToken)
    {
        // Connectors and messaging serve every tenant at once: their health is the platform's, not a partner's data.
        if (user.GetTenant() is not null)
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status403Forbidden, ProblemTypes.Forbidden, "Internal callers only",
                "Integration health spans every tenant; a partner sees its own transactions and KPIs.");
        }

        var to = query.To ?? clock.GetUtcNow();
        var from = query.From ?? to - options.Value.DefaultHealthWindow;
        var (start, end) = (from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds());
        var samples = await db.ConnectorSamples.AsNoTracking()
            .Where(s => s.To > start && s.To <= end && (query.System == null || s.System == query.System))
            .ToListAsync(cancellationToken);
        var failures = await db.MappingFailures.AsNoTracking()
            .Where(f => f.At >= start && f.At < end && (query.System == null || f.System == query.System))
            .ToListAsync(cancellationToken);
        var messaging = await db.MessagingSamples.AsNoTracking()
            .Where(s => s.At > start && s.At <= end && (query.System == null || s.System == query.System))
            .ToListAsync(cancellationToken);
        var latest = messaging.GroupBy(s => s.System).Select(g => g.MaxBy(s => s.At)!).ToList();

        var systems = samples.Select(s => s.System).Concat(failures.Select(f => f.System)).Concat(latest.Select(m => m.System))
            .Distinct().Order(StringComparer.Ordinal)
            .Select(system => new SystemHealth(system,
                latest.Where(m => m.System == system).Select(m => new MessagingHealth(
                    DateTimeOffset.FromUnixTimeMilliseconds(m.At), m.OutboxBacklog, m.OutboxOldestAgeSeconds, m.OpenDeadLetters)).FirstOrDefault(),
                Connectors(samples.Where(s => s.System == system).ToList(), failures.Where(f => f.System == system).ToList())))
            .ToList();
        return TypedResults.Ok(new IntegrationHealth(from, to, systems));
    }

    private static List<ConnectorHealth> Connectors(List<ConnectorSampleEntity> samples, List<MappingFailureEntity> failures) =>
        samples.Select(s => s.Connector).Concat(failures.Select(f => f.Connector)).Distinct().Order(StringComparer.Ordinal).Select(connector =>
        {
            var own = samples.Where(s => s.Connector == connector).ToList();
            var calls = own.Sum(s => s.Calls);
            var byCause = own.SelectMany(s => ParseFailures(s.Failures)).GroupBy(f => (f.Status, f.Cause))
                .OrderBy(g => g.Key.Status).ThenBy(g => g.Key.Cause, StringComparer.Ordinal)
                .Select(g => new FailureCount(g.Key.Status, g.Key.Cause, g.Sum(f => f.Calls))).ToList();
            var failed = byCause.Sum(f => f.Calls);
            var mapping = failures.Where(f => f.Connector == connector).ToList();
            var byField = mapping.GroupBy(f => f.Field).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g =>
                {
                    var last = g.MaxBy(f => f.At)!;
                    return new FieldMappingFailures(g.Key, g.Count(), last.VendorOperation, DateTimeOffset.FromUnixTimeMilliseconds(last.At));
                })
                .ToList();
            return new ConnectorHealth(connector, calls, failed, calls == 0 ? 0 : Math.Round((double)failed / calls, 4),
                LatencyPercentile.Of(SumBuckets(own), 0.99), byCause, mapping.Count, byField);
        }).ToList();

    private static IEnumerable<FailureCount> ParseFailures(string failures) =>
        failures.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(f =>
        {
            var (kind, count) = (f[..f.IndexOf('=', StringComparison.Ordinal)], f[(f.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            var slash = kind.IndexOf('/', StringComparison.Ordinal);
            return new FailureCount(int.Parse(kind[..slash], CultureInfo.InvariantCulture), kind[(slash + 1)..], long.Parse(count, CultureInfo.InvariantCulture));
        });

    private static long[] SumBuckets(List<ConnectorSampleEntity> samples)
    {
        var sums = new long[ConnectorCallSample.LatencyBoundsMs.Count + 1];
        foreach (var sample in samples)
        {
            var counts = sample.LatencyBuckets.Split(',', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < Math.Min(counts.Length, sums.Length); i++)
            {
                sums[i] += long.Parse(counts[i], CultureInfo.InvariantCulture);
            }
        }
        return sums;
    }
}
