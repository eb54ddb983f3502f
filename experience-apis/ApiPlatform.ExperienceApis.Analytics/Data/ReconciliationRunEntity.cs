namespace ApiPlatform.ExperienceApis.Analytics.Data;

/// <summary>A completed reconciliation run of a tenant's period (one per run id).</summary>
public sealed class ReconciliationRunEntity
{
    public required string Id { get; init; }
    public required string Tenant { get; init; }
    public required string Period { get; init; }
    public required string Trigger { get; init; }
    public long DocumentsCompared { get; init; }
    public int ExceptionsFound { get; init; }
    public int NewOrReopened { get; init; }
    public long CompletedAt { get; init; }
}
