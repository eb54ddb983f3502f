using ApiPlatform.Workflows.Tests.Infrastructure;
using ApiPlatform.Workflows.Tests.SystemOfRecord;
using ApiPlatform.Workflows.Tests.TestWorkflows;

namespace ApiPlatform.Workflows.Tests.Monitoring;

/// <summary>What the <c>ApiPlatform.Workflows</c> meter reports for a retried step, a refusal that compensates, and the instances by status.</summary>
public sealed class MetricsTests
{
    [SkippableTheory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Steps_durations_retries_compensations_and_instances_by_status_are_measured(string provider)
    {
        await using var service = await ServiceUnderTest.StartAsync(provider);
        using var meter = new MeterRecorder(service.Host);

        // Invoice answers 503 twice, then succeeds; the second instance's ship is refused, so invoice and reserve are undone.
        service.System.Fail(RecordStore.Do, "invoice", Fault.Unavailable, times: 2);
        var retried = await service.StartOrderAsync();
        await service.WaitForAsync(retried, WorkflowStatus.Completed);
        service.System.Fail(RecordStore.Do, "ship", Fault.Refusal("Out of stock."));
        var refused = await service.StartOrderAsync();
        await service.WaitForAsync(refused, WorkflowStatus.Compensated);

        var steps = meter.Of("workflow.steps");
        Assert.All(steps, s => Assert.Equal((1d, OrderWorkflow.Name), (s.Value, s["workflow.type"])));
        Assert.Equal(
            [
                "Compensation:invoice:Done=1", "Compensation:reserve:Done=1",
                "Forward:invoice:Done=2", "Forward:invoice:Failed=2", "Forward:notify:Done=1", "Forward:reserve:Done=2",
                "Forward:ship:Done=1", "Forward:ship:Refused=1",
            ],
            Tally(steps));

        var durations = meter.Of("workflow.step.duration");
        Assert.All(durations, d => Assert.Equal("ms", d.Unit));
        Assert.All(durations, d => Assert.InRange(d.Value, 0d, 30_000d));
        Assert.Contains(durations, d => d.Value > 0d);
        Assert.Equal(Tally(steps), Tally(durations));

        var retries = meter.Of("workflow.retries");
        Assert.Equal(2, retries.Count);
        Assert.All(retries, r => Assert.Equal((1d, OrderWorkflow.Name, "invoice"), (r.Value, r["workflow.type"], r["workflow.step"])));

        var compensation = Assert.Single(meter.Of("workflow.compensations"));
        Assert.Equal((1d, OrderWorkflow.Name, "Refused"), (compensation.Value, compensation["workflow.type"], compensation["cause"]));

        // The monitor refreshes the gauge every second (the tests' Workflows:MonitorInterval).
        IReadOnlyList<string> instances = [];
        var counted = await Waiting.UntilAsync(() =>
        {
            instances = meter.Observe("workflow.instances").Select(m => $"{m["workflow.type"]}:{m["workflow.status"]}={m.Value}").Order().ToList();
            return Task.FromResult(instances.SequenceEqual([$"{OrderWorkflow.Name}:Compensated=1", $"{OrderWorkflow.Name}:Completed=1"]));
        }, TimeSpan.FromSeconds(10), pollMilliseconds: 100);
        Assert.True(counted, $"the instance gauge reported [{string.Join(", ", instances)}]");
    }

    private static List<string> Tally(IEnumerable<MeterRecorder.Measured> measurements) => measurements
        .GroupBy(m => $"{m["workflow.phase"]}:{m["workflow.step"]}:{m["outcome"]}")
        .Select(g => $"{g.Key}={g.Count()}").Order(StringComparer.Ordinal).ToList();
}
