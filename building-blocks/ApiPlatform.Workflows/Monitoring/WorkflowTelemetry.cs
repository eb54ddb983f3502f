using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ApiPlatform.Workflows.Monitoring;

/// <summary>The workflow runtime's traces and metrics (source and meter <c>ApiPlatform.Workflows</c>).</summary>
public sealed class WorkflowTelemetry : IDisposable
{
    public const string Name = "ApiPlatform.Workflows";

    internal static readonly ActivitySource Source = new(Name);

    private readonly Meter meter;
    private readonly Counter<long> steps;
    private readonly Counter<long> retries;
    private readonly Counter<long> compensations;
    private readonly Histogram<double> stepDuration;
    private IReadOnlyDictionary<(string Type, WorkflowStatus Status), int> counts = new Dictionary<(string, WorkflowStatus), int>();

    public WorkflowTelemetry(IMeterFactory meters)
    {
        meter = meters.Create(Name);
        steps = meter.CreateCounter<long>("workflow.steps", description: "Step attempts by workflow type, step, phase and outcome");
        retries = meter.CreateCounter<long>("workflow.retries", description: "Step and compensation attempts that failed transiently and were scheduled again");
        compensations = meter.CreateCounter<long>("workflow.compensations", description: "Instances that started compensating, by cause");
        stepDuration = meter.CreateHistogram<double>("workflow.step.duration", "ms", "Duration of one step or compensation attempt");
        meter.CreateObservableGauge("workflow.instances", ObserveInstances, description: "Instances by workflow type and status");
    }

    internal void Step(string type, string step, StepPhase phase, string outcome, TimeSpan duration)
    {
        var tags = new TagList { { "workflow.type", type }, { "workflow.step", step }, { "workflow.phase", phase.ToString() }, { "outcome", outcome } };
        steps.Add(1, tags);
        stepDuration.Record(duration.TotalMilliseconds, tags);
    }

    internal void Retry(string type, string step) => retries.Add(1, new TagList { { "workflow.type", type }, { "workflow.step", step } });

    internal void Compensation(string type, CompensationCause cause) =>
        compensations.Add(1, new TagList { { "workflow.type", type }, { "cause", cause.ToString() } });

    internal void SetCounts(IReadOnlyDictionary<(string Type, WorkflowStatus Status), int> latest) => Volatile.Write(ref counts, latest);

    private IEnumerable<Measurement<int>> ObserveInstances() =>
        Volatile.Read(ref counts).Select(c => new Measurement<int>(c.Value, new KeyValuePair<string, object?>("workflow.type", c.Key.Type),
            new KeyValuePair<string, object?>("workflow.status", c.Key.Status.ToString())));

    public void Dispose() => meter.Dispose();
}
