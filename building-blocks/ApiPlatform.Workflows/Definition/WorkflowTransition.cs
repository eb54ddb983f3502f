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

/// <summary>
/// A change of an instance, handed to <see cref="IWorkflow{TState}.OnTransition"/> inside its transaction. <c>Step</c> is
/// the step concerned (or the milestone's name); <c>Cause</c> why it compensates, once it does.
/// </summary>
public sealed record WorkflowTransition<TState>(
    string InstanceId, string? Tenant, TransitionKind Kind, WorkflowStatus Status, string? Step, TState State, string? Reason, DateTimeOffset At,
    CompensationCause? Cause = null)
    where TState : class;
