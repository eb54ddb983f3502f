namespace ApiPlatform.Workflows;

public enum TransitionKind
{
    Started,
    StepCompleted,
    Waiting,
    Completed,
    CompensationStarted,
    StepCompensated,
    Compensated,
    Cancelled,
    CompensationFailed,
    Milestone,
}

/// <summary>A change of an instance, handed to <see cref="IWorkflow{TState}.OnTransition"/> inside its transaction.</summary>
public sealed record WorkflowTransition<TState>(
    string InstanceId, string? Tenant, TransitionKind Kind, WorkflowStatus Status, string? Step, TState State, string? Reason, DateTimeOffset At)
    where TState : class;
