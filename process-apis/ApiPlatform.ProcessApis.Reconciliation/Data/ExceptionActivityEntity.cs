namespace ApiPlatform.ProcessApis.Reconciliation.Data;

/// <summary>The audit trail of an exception: found, reopened, resolved, cleared, re-checked.</summary>
public sealed class ExceptionActivityEntity
{
    public long Id { get; init; }
    public required string ExceptionId { get; init; }
    public DateTimeOffset At { get; init; }
    public required string Action { get; init; }
    public required string Actor { get; init; }
    public string? Note { get; init; }
}
