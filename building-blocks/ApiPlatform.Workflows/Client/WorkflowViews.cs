using System.Text.Json;

namespace ApiPlatform.Workflows;

/// <summary>An instance as the process API and operators read it: status, current step, state, journal and history.</summary>
public sealed record WorkflowInstanceView(
    string Id,
    string Type,
    string? Tenant,
    string? BusinessKey,
    WorkflowStatus Status,
    string? CurrentStep,
    string? Reason,
    string? Error,
    CompensationCause? Cause,
    string? WaitingFor,
    DateTimeOffset? WaitDeadline,
    DateTimeOffset? NextRunAt,
    bool CancelRequested,
    string? CreatedBy,
    string? CorrelationId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset StepStartedAt,
    DateTimeOffset? EndedAt,
    JsonElement State,
    IReadOnlyList<WorkflowStepView> Steps,
    IReadOnlyList<WorkflowHistoryView> History)
{
    public T StateAs<T>() => State.Deserialize<T>(JsonSerializerOptions.Web)!;
}

public sealed record WorkflowStepView(
    string Name, StepPhase Phase, StepStatus Status, int Attempts, string? Detail, string? Error,
    DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt, DateTimeOffset? NextAttemptAt, string? Runner = null);

public sealed record WorkflowHistoryView(string Kind, string? Actor, string? Detail, DateTimeOffset At);

/// <summary>One line of an instance list.</summary>
public sealed record WorkflowInstanceSummary(
    string Id, string Type, string? Tenant, string? BusinessKey, WorkflowStatus Status, string? CurrentStep, string? Reason, string? Error,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset StepStartedAt);

/// <summary>An instance with no progress within its current step's SLA.</summary>
public sealed record StalledInstance(WorkflowInstanceSummary Instance, string Step, TimeSpan Sla, TimeSpan Elapsed);

public enum CommandOutcome
{
    Accepted,
    NotFound,
    Conflict,
}

/// <summary>What a signal, cancel or retry did; <see cref="Message"/> says why when it was refused.</summary>
public sealed record CommandResult(CommandOutcome Outcome, string? Message = null)
{
    public static readonly CommandResult Accepted = new(CommandOutcome.Accepted);
    public static readonly CommandResult NotFound = new(CommandOutcome.NotFound);

    public static CommandResult Conflict(string message) => new(CommandOutcome.Conflict, message);
}

/// <summary>A started instance; <see cref="Created"/> is false when one already existed for the business key.</summary>
public sealed record WorkflowStart(string InstanceId, bool Created);

/// <summary>Filter of the instance list.</summary>
public sealed record WorkflowFilter(string? Type = null, WorkflowStatus? Status = null, string? Tenant = null, TimeSpan? MinAge = null, TimeSpan? MaxAge = null);
