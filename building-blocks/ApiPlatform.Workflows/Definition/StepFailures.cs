using ApiPlatform.Workflows.Runtime;

namespace ApiPlatform.Workflows;

public static class StepFailures
{
    /// <summary>
    /// Whether the runtime counts <paramref name="exception"/> as a business refusal (compensate) rather than a transient
    /// failure (retry): for a step that makes several calls and must undo its own earlier ones before it refuses.
    /// </summary>
    public static bool IsRefusal(Exception exception) => Failure.Of(exception).Refused;
}
