namespace ApiPlatform.Catalog;

public sealed class ApiPolicies
{
    /// <summary><c>none</c>, <c>optional</c> or <c>required</c> for POST and PATCH.</summary>
    public string Idempotency { get; set; } = "none";

    public long BodyLimitBytes { get; set; } = 1_048_576;

    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Per-plan request limits that replace the plan's defaults for this API.</summary>
    public Dictionary<string, PlanLimit> PlanOverrides { get; set; } = [];
}
