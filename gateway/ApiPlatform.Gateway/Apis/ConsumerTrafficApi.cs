using ApiPlatform.Catalog;
using ApiPlatform.Gateway.Slo;
using ApiPlatform.ServiceDefaults.Auth;
using ApiPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Gateway.Apis;

/// <summary>Each consumer's traffic of an API version over time, from the gateway's own measurements (scope platform:admin).</summary>
internal static class ConsumerTrafficApi
{
    private const int DefaultPoints = 12;

    public static RouteHandlerBuilder MapConsumerTrafficApi(this IEndpointRouteBuilder app) =>
        app.MapGet(CatalogApi.BasePath + "/{api}/v{major:int}/consumers/traffic", GetTraffic)
            .RequireAuthorization(PlatformPolicies.Admin)
            .WithTags("Catalog")
            .WithName("GetApiVersionConsumerTraffic");

    public static async Task<Results<Ok<ConsumerTraffic>, ProblemHttpResult>> GetTraffic(
        string api, int major, DateTimeOffset? from, DateTimeOffset? to, int? stepMinutes, ApiCatalog catalog, IConsumerSloStore store,
        ConsumerSloRecorder recorder, IOptions<GatewayOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        if (MeasuredWindow.TryResolve(catalog, api, major, from, to, time.GetUtcNow(), ConsumerTrafficWindow.Default,
                ConsumerTrafficWindow.Max, $"{ConsumerTrafficWindow.Max.TotalHours:0} hours", out var window) is { } problem)
        {
            return problem;
        }
        var (definition, start, end, first, last) = window;
        var step = stepMinutes ?? (int)Math.Max(1, (last - first + DefaultPoints - 1) / DefaultPoints);
        var points = (last - first + step - 1) / Math.Max(step, 1);
        if (step < 1 || points > ConsumerTrafficWindow.MaxPoints)
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status400BadRequest, ProblemTypes.Validation, "The step is invalid",
                $"'stepMinutes' must be at least 1 and cut the window into at most {ConsumerTrafficWindow.MaxPoints} points.");
        }

        // Under the flush gate: counts a flush has taken from memory are in the store by the time it is read.
        var counts = new Dictionary<(string ClientId, long Point), SloCounter>();
        await recorder.FlushGate.WaitAsync(cancellationToken);
        try
        {
            var stored = await store.ReadAsync(api, major, first, last, cancellationToken);
            foreach (var (key, counter) in stored.Concat(recorder.Pending(api, major, first, last)))
            {
                var point = (key.ClientId, (key.Minute - first) / step);
                if (!counts.TryGetValue(point, out var sum))
                {
                    counts[point] = sum = new SloCounter();
                }
                sum.Add(counter);
            }
        }
        finally
        {
            recorder.FlushGate.Release();
        }

        var consumers = counts.GroupBy(c => c.Key.ClientId, StringComparer.Ordinal).Select(consumer =>
        {
            var total = new SloCounter();
            var series = new ConsumerTrafficPoint[points];
            for (var i = 0; i < points; i++)
            {
                var at = DateTimeOffset.FromUnixTimeSeconds((first + i * step) * 60);
                series[i] = counts.TryGetValue((consumer.Key, i), out var point)
                    ? new ConsumerTrafficPoint(at, point.Requests, point.ServerErrors, point.P99Ms())
                    : new ConsumerTrafficPoint(at, 0, 0, null);
                if (point is not null)
                {
                    total.Add(point);
                }
            }
            var availability = total.AvailabilityPercent();
            return new ConsumerTrafficSeries(consumer.Key, total.Requests, total.ServerErrors, availability, total.P99Ms(), series);
        });
        return TypedResults.Ok(new ConsumerTraffic(api, major, start, end, step, definition.Slo.Availability, definition.Slo.LatencyP99Ms,
            options.Value.ConsumerTrafficLimit,
            [.. consumers.OrderByDescending(c => c.Requests).ThenBy(c => c.ClientId, StringComparer.Ordinal)]));
    }
}
