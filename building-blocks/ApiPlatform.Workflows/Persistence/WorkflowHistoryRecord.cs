namespace ApiPlatform.Workflows.Persistence;

/// <summary>Something that happened to an instance from outside its steps: a start, a signal, a timer, an operator's action.</summary>
public sealed class WorkflowHistoryRecord
{
    public long Id { get; init; }
    public required string InstanceId { get; init; }
    public required string Kind { get; init; }
    public string? Actor { get; init; }
    public string? Detail { get; init; }
    public long At { get; init; }
}
