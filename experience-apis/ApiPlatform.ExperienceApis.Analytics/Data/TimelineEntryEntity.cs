namespace ApiPlatform.ExperienceApis.Analytics.Data;

/// <summary>
/// One system's event about a business document (<see cref="Reference"/>, e.g. <c>sales-order:SO-1</c>). The
/// transaction's timeline is every entry whose reference is linked to it, so an event that arrives before the link is
/// not lost.
/// </summary>
public sealed class TimelineEntryEntity
{
    /// <summary>The event id, suffixed when one event concerns several documents.</summary>
    public required string Id { get; init; }
    public required string Reference { get; init; }

    /// <summary>Set on a process's own events, whose steps the KPIs time.</summary>
    public string? TransactionId { get; init; }
    public required string Tenant { get; init; }
    public required string System { get; init; }
    public required string EventType { get; init; }
    public string? Step { get; init; }
    public string? Status { get; init; }
    public string? Detail { get; init; }
    public long At { get; init; }
    public string? CorrelationId { get; init; }
}
