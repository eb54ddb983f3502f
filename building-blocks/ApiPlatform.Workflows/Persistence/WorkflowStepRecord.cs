namespace ApiPlatform.Workflows.Persistence;

/// <summary>The journal of one step (or of its compensation) in one instance.</summary>
public sealed class WorkflowStepRecord
{
    public long Id { get; init; }
    public required string InstanceId { get; init; }
    public StepPhase Phase { get; init; }
    public int Sequence { get; init; }
    public required string Name { get; init; }
    public StepStatus Status { get; set; }
    public int Attempts { get; set; }
    public string? Detail { get; set; }
    public string? Error { get; set; }
    public long? StartedAt { get; set; }
    public long? CompletedAt { get; set; }
    public long? NextAttemptAt { get; set; }

    /// <summary>The runner (replica) that made the latest attempt.</summary>
    public string? Runner { get; set; }
}
