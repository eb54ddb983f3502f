namespace ApiPlatform.Workflows;

/// <summary>What a step (or a compensation) runs with.</summary>
public sealed class StepContext<TState> where TState : class
{
    public required string InstanceId { get; init; }

    public required string Step { get; init; }

    public string? Tenant { get; init; }

    /// <summary><c>{instanceId}:{step}</c> for a step, <c>{instanceId}:{step}:compensate</c> for its compensation.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>1 on the first attempt.</summary>
    public int Attempt { get; init; }

    /// <summary>The instance's state; changes are saved only when the step succeeds, waits or is refused.</summary>
    public required TState State { get; init; }

    /// <summary>The signal this step waited for, or its timeout, when the step runs again after a wait.</summary>
    public WorkflowSignal? Signal { get; init; }

    public DateTimeOffset Now { get; init; }
}
