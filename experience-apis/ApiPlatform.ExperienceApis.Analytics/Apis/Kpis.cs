namespace ApiPlatform.ExperienceApis.Analytics.Apis;

/// <summary>Key figures of the transactions started (volumes, times) or ended (fallout) in a period.</summary>
public sealed record Kpis(
    string? Tenant, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<ProcessKpis> Processes, IReadOnlyList<FalloutCount> Fallout,
    IReadOnlyList<RevenueInFlight> Revenue);

/// <summary>
/// One process's figures: started, reached their goal (paid), fell out, still in flight; cycle time from start to
/// payment; the wait for approval; each step's time since the previous event.
/// </summary>
public sealed record ProcessKpis(
    string Kind, int Started, int Completed, int FellOut, int InFlight, int Stalled, Duration CycleTime, Duration ApprovalWait,
    IReadOnlyList<StepKpis> Steps);

/// <summary>Percentiles (nearest rank) in milliseconds over <see cref="Count"/> measurements; null without any.</summary>
public sealed record Duration(int Count, long? P50Ms, long? P95Ms);

public sealed record StepKpis(string Step, Duration Time);

public sealed record FalloutCount(string Kind, string Reason, int Count);

/// <summary>
/// Revenue of the tenant's transactions in one currency: ordered and not yet invoiced, invoiced and not yet paid (both
/// as of now), and paid within the period.
/// </summary>
public sealed record RevenueInFlight(string Currency, decimal Ordered, decimal Invoiced, decimal Paid);
