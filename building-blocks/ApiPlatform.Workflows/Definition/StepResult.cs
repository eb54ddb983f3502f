namespace ApiPlatform.Workflows;

public enum StepOutcome
{
    Done,
    Skipped,
    Refused,
    Waiting,
}

/// <summary>
/// What a step answers. A transient failure is an exception (retried with backoff); a business refusal is
/// <see cref="Refused"/> or a <see cref="WorkflowRefusedException"/> (compensates the completed steps).
/// </summary>
public sealed record StepResult(StepOutcome Outcome, string? Detail, string? WaitFor = null, DateTimeOffset? Deadline = null)
{
    public static StepResult Done(string? detail = null) => new(StepOutcome.Done, detail);

    /// <summary>An optional step this instance does not use (configuration or data); it has nothing to compensate.</summary>
    public static StepResult Skipped(string detail) => new(StepOutcome.Skipped, detail);

    /// <summary>A business refusal: the reason is shown to callers, so it speaks of the business outcome only.</summary>
    public static StepResult Refused(string reason) => new(StepOutcome.Refused, reason);

    /// <summary>
    /// Waits for the signal <paramref name="signal"/> until <paramref name="deadline"/>; the step then runs again with
    /// <see cref="StepContext{TState}.Signal"/> set (to the signal, or to its timeout once the deadline has passed).
    /// </summary>
    public static StepResult Wait(string signal, DateTimeOffset? deadline, string detail) => new(StepOutcome.Waiting, detail, signal, deadline);
}
