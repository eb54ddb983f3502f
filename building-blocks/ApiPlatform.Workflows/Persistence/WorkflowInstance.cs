namespace ApiPlatform.Workflows.Persistence;

/// <summary>
/// One workflow instance. Times are Unix milliseconds, so SQLite and PostgreSQL compare and order them alike.
/// <see cref="Version"/> is the concurrency token of every write; <see cref="Fence"/> grows with every claim, so a
/// runner whose lease was taken over finds out at its next write and stops.
/// </summary>
public sealed class WorkflowInstance
{
    public required string Id { get; init; }
    public required string Type { get; init; }
    public string? Tenant { get; init; }

    /// <summary>What the instance is about (e.g. a quote id): at most one instance per type and key.</summary>
    public string? BusinessKey { get; init; }

    public WorkflowStatus Status { get; set; }

    /// <summary>The step being run, waited on or (while compensating) considered for compensation.</summary>
    public int StepIndex { get; set; }

    public required string State { get; set; }

    /// <summary>The business outcome shown to callers (a refusal's reason, why it was cancelled).</summary>
    public string? Reason { get; set; }

    /// <summary>The last technical error (for operators).</summary>
    public string? Error { get; set; }

    public CompensationCause? Cause { get; set; }
    public string? WaitingFor { get; set; }
    public long? WaitDeadline { get; set; }
    public string? Signal { get; set; }
    public bool CancelRequested { get; set; }
    public string? CancelReason { get; set; }

    /// <summary>When a runner should pick the instance up; null while nothing is due (a wait without deadline, an end).</summary>
    public long? NextRunAt { get; set; }

    public string? LeaseOwner { get; set; }
    public long? LeaseUntil { get; set; }
    public long Fence { get; set; }
    public long Version { get; set; }

    /// <summary>When the current step (or wait) began: the step's SLA counts from here.</summary>
    public long StepStartedAt { get; set; }

    /// <summary>The business transaction's correlation id: every call the instance's steps make carries it.</summary>
    public string? CorrelationId { get; init; }

    public string? CreatedBy { get; init; }
    public long CreatedAt { get; init; }
    public long UpdatedAt { get; set; }
    public long? EndedAt { get; set; }
}
