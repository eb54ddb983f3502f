namespace ApiPlatform.ExperienceApis.Analytics.Data;

/// <summary>
/// One change of a reconciliation exception (<c>opened</c>, <c>reopened</c>, <c>resolved</c>, <c>cleared</c>), keyed by
/// its event id; the amount and currency are those of an opening.
/// </summary>
public sealed class ReconciliationEventEntity
{
    public required string Id { get; init; }
    public required string ExceptionId { get; init; }
    public required string Tenant { get; init; }
    public required string Period { get; init; }
    public required string Kind { get; init; }
    public required string Action { get; init; }
    public decimal? Amount { get; init; }
    public string? Currency { get; init; }
    public long At { get; init; }
}
