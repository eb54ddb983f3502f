namespace ApiPlatform.Gateway.Apis;

/// <summary>
/// Requests, server errors and p99 of each consumer of an API version over a window, in points of <c>StepMinutes</c>,
/// against the catalog's objective; measured as <see cref="SloCompliance"/> is, per consumer. Consumers beyond the
/// gateway's limit per hour (<c>ConsumerLimit</c>) are one series named <c>(other)</c>.
/// </summary>
public sealed record ConsumerTraffic(
    string Api, int Major, DateTimeOffset From, DateTimeOffset To, int StepMinutes, double DeclaredAvailability, int DeclaredLatencyP99Ms,
    int ConsumerLimit, ConsumerTrafficSeries[] Consumers);

/// <summary>One consumer's totals over the window and its points, oldest first, one per step (zero when it made no request).</summary>
public sealed record ConsumerTrafficSeries(
    string ClientId, long Requests, long ServerErrors, double? MeasuredAvailability, int? MeasuredLatencyP99Ms, ConsumerTrafficPoint[] Points);

/// <summary>The requests of one consumer in one step starting at <c>From</c>.</summary>
public sealed record ConsumerTrafficPoint(DateTimeOffset From, long Requests, long ServerErrors, int? MeasuredLatencyP99Ms);
