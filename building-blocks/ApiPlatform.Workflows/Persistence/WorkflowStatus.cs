using System.Text.Json.Serialization;

namespace ApiPlatform.Workflows;

[JsonConverter(typeof(JsonStringEnumConverter<WorkflowStatus>))]
public enum WorkflowStatus
{
    /// <summary>Forward steps to run (now, or at a retry's due time).</summary>
    Running,

    /// <summary>A step waits for a signal, until its deadline.</summary>
    Waiting,

    /// <summary>Undoing completed steps in reverse order.</summary>
    Compensating,

    Completed,

    /// <summary>Ended after a refusal or an exhausted retry budget; every completed step was compensated.</summary>
    Compensated,

    /// <summary>Ended by a cancel; every completed step was compensated.</summary>
    Cancelled,

    /// <summary>A compensation could not complete within its budget: needs an operator (retry after fixing the cause).</summary>
    CompensationFailed,
}

[JsonConverter(typeof(JsonStringEnumConverter<StepStatus>))]
public enum StepStatus
{
    Pending,
    Running,
    Waiting,
    Retrying,
    Succeeded,
    Skipped,
    Refused,
    Failed,
}

[JsonConverter(typeof(JsonStringEnumConverter<StepPhase>))]
public enum StepPhase
{
    Forward,
    Compensation,
}

[JsonConverter(typeof(JsonStringEnumConverter<CompensationCause>))]
public enum CompensationCause
{
    Refused,
    Failed,
    Cancelled,
}

public static class WorkflowStatusExtensions
{
    public static bool IsTerminal(this WorkflowStatus status) =>
        status is WorkflowStatus.Completed or WorkflowStatus.Compensated or WorkflowStatus.Cancelled;
}
