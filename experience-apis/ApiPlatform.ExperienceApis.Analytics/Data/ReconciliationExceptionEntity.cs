namespace ApiPlatform.ExperienceApis.Analytics.Data;

/// <summary>A reconciliation exception as its latest event left it: open or not, and the amount it concerns.</summary>
public sealed class ReconciliationExceptionEntity
{
    public required string Id { get; init; }
    public required string Tenant { get; init; }
    public required string Period { get; init; }
    public required string Kind { get; init; }
    public bool Open { get; set; }
    public decimal Amount { get; set; }
    public required string Currency { get; set; }
    public long ChangedAt { get; set; }
}
