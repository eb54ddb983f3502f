namespace ApiPlatform.Workflows;

/// <summary>
/// One step: <paramref name="Run"/> does the side effect and answers its outcome; <paramref name="Compensate"/>, if any,
/// undoes it when a later step is refused, fails for good or the instance is cancelled. Both must be idempotent: they
/// pass <see cref="StepContext{TState}.IdempotencyKey"/> to the systems they call, which is the same on every attempt.
/// </summary>
public sealed record WorkflowStep<TState>(
    string Name,
    Func<StepContext<TState>, CancellationToken, Task<StepResult>> Run,
    Func<StepContext<TState>, CancellationToken, Task>? Compensate = null)
    where TState : class;
