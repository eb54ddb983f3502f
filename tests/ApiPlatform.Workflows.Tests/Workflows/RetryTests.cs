using ApiPlatform.Workflows.Tests.Infrastructure;
using ApiPlatform.Workflows.Tests.SystemOfRecord;

namespace ApiPlatform.Workflows.Tests.Workflows;

public sealed class RetryTests
{
    [SkippableTheory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task A_step_answered_503_twice_is_retried_and_completes_on_its_third_attempt(string provider)
    {
        await using var service = await ServiceUnderTest.StartAsync(provider);
        service.System.Fail(RecordStore.Do, "invoice", Fault.Unavailable, times: 2);

        var id = await service.StartOrderAsync();
        var view = await service.WaitForAsync(id, WorkflowStatus.Completed);

        Assert.Equal([1, 3, 1, 1], view.Steps.Select(s => s.Attempts));
        Assert.All(view.Steps, s => Assert.Equal(StepStatus.Succeeded, s.Status));
        Assert.All(view.Steps, s => Assert.Null(s.Error));
        Assert.Equal([503, 503, 200], service.System.RequestsOf(id, RecordStore.Do, "invoice").Select(r => r.Status));
        Assert.Single(service.System.DocumentsOf(id), d => d.Step == "invoice");
        Assert.All(service.System.DocumentsOf(id), d => Assert.Equal(1, d.Requests));
    }

    [SkippableTheory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task A_429_is_retried_no_sooner_than_its_Retry_After(string provider)
    {
        // The backoff alone would wait 5-10 ms; the cap is raised so that it does not cut the server's 1 s.
        await using var service = await ServiceUnderTest.StartAsync(provider, settings: new Dictionary<string, string?> { ["Workflows:RetryMaxDelay"] = "00:00:05" });
        service.System.Fail(RecordStore.Do, "ship", Fault.TooManyRequests(retryAfterSeconds: 1), times: 1);

        var id = await service.StartOrderAsync();
        var view = await service.WaitForAsync(id, WorkflowStatus.Completed);

        var requests = service.System.RequestsOf(id, RecordStore.Do, "ship");
        Assert.Equal([429, 200], requests.Select(r => r.Status));
        var waited = requests[1].At - requests[0].At;
        Assert.True(waited >= TimeSpan.FromMilliseconds(950), $"retried after {waited.TotalMilliseconds} ms");
        Assert.True(waited < TimeSpan.FromSeconds(3), $"retried after {waited.TotalMilliseconds} ms");
        Assert.Equal(2, view.Steps.Single(s => s.Name == "ship").Attempts);
    }

    [SkippableTheory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task A_step_that_keeps_failing_exhausts_its_budget_and_the_completed_steps_are_compensated(string provider)
    {
        await using var service = await ServiceUnderTest.StartAsync(provider, settings: new Dictionary<string, string?> { ["Workflows:MaxAttempts"] = "3" });
        service.System.Fail(RecordStore.Do, "ship", Fault.Unavailable);

        var id = await service.StartOrderAsync();
        var view = await service.WaitForAsync(id, WorkflowStatus.Compensated);

        Assert.Equal(CompensationCause.Failed, view.Cause);
        Assert.Equal("ship could not be completed: a system it needs kept failing.", view.Reason);
        var ship = view.Steps.Single(s => s is { Phase: StepPhase.Forward, Name: "ship" });
        Assert.Equal((StepStatus.Failed, 3), (ship.Status, ship.Attempts));
        Assert.Equal("the system API answered 503 Service Unavailable", ship.Error);
        Assert.Equal([503, 503, 503], service.System.RequestsOf(id, RecordStore.Do, "ship").Select(r => r.Status));
        Assert.Equal(["invoice", "reserve"], service.System.UndoneStepsOf(id));
        Assert.Equal(["invoice", "reserve"], view.Steps.Where(s => s.Phase == StepPhase.Compensation).Select(s => s.Name));
        Assert.Empty(service.System.RequestsOf(id, RecordStore.Undo, "ship"));
        Assert.Empty(service.System.RequestsOf(id, RecordStore.Do, "notify"));
    }
}
