using System.ComponentModel.DataAnnotations;

namespace ApiPlatform.Workflows.Configuration;

/// <summary>Workflow runtime settings (section <c>Workflows</c>), validated at start.</summary>
public sealed class WorkflowOptions
{
    public const string Section = "Workflows";

    /// <summary>Whether this replica runs instances (a replica that only serves the API may turn it off).</summary>
    public bool RunnerEnabled { get; set; } = true;

    /// <summary>How long a runner's claim on an instance holds; another runner takes the instance over after it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Instances one replica runs at the same time.</summary>
    [Range(1, 256)]
    public int MaxConcurrency { get; set; } = 16;

    /// <summary>Attempts of a step before a transient failure counts as final (and compensation starts).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Attempts of a compensation before the instance is left in <c>CompensationFailed</c>.</summary>
    [Range(1, 1000)]
    public int CompensationMaxAttempts { get; set; } = 10;

    /// <summary>Backoff: attempt n waits between half and all of base·2ⁿ⁻¹, capped; a <c>Retry-After</c> is honoured.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a step may take (including its retries and waits) before the instance counts as stalled.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan DefaultStepSla { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Per workflow type and step, e.g. <c>Workflows:StepSla:quote-to-cash.order:approval = 2.00:00:00</c>.</summary>
    public Dictionary<string, Dictionary<string, TimeSpan>> StepSla { get; set; } = [];

    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan MonitorInterval { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan SlaOf(string type, string step) =>
        StepSla.TryGetValue(type, out var steps) && steps.TryGetValue(step, out var sla) ? sla : DefaultStepSla;
}
