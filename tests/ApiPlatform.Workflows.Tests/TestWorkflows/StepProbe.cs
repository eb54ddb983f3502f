using System.Collections.Concurrent;

namespace ApiPlatform.Workflows.Tests.TestWorkflows;

/// <summary>What the approval step saw, per instance: how often it ran, and how often with its deadline's timeout.</summary>
public sealed class StepProbe
{
    public ConcurrentDictionary<string, int> ApprovalRuns { get; } = new();

    public ConcurrentDictionary<string, int> TimedOut { get; } = new();
}
