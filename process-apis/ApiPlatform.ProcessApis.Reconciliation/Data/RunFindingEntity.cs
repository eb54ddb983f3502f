namespace ApiPlatform.ProcessApis.Reconciliation.Data;

/// <summary>That a run found an exception (new or already known), so exceptions can be listed by run.</summary>
public sealed class RunFindingEntity
{
    public required string RunId { get; init; }
    public required string ExceptionId { get; init; }
}
