namespace ApiPlatform.Gateway.Apis;

/// <summary>
/// An API version's service level as the gateway measured it over a window, against the catalog's objective. Measured
/// availability is the share of admitted requests answered without a server error (5xx), in percent; the p99 is the
/// upper bound of the latency bucket holding it (so "met" never flatters). Both are null, and so is every verdict,
/// when the window saw no request.
/// </summary>
public sealed record SloCompliance(
    string Api, int Major, DateTimeOffset From, DateTimeOffset To, long Requests, long ServerErrors,
    double DeclaredAvailability, double? MeasuredAvailability, bool? AvailabilityMet,
    int DeclaredLatencyP99Ms, int? MeasuredLatencyP99Ms, bool? LatencyMet, bool? Compliant);
