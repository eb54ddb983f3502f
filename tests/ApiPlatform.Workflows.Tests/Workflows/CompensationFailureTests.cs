using ApiPlatform.Workflows.Tests.Infrastructure;
using ApiPlatform.Workflows.Tests.SystemOfRecord;

namespace ApiPlatform.Workflows.Tests.Workflows;

public sealed class CompensationFailureTests
{
    [SkippableTheory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task A_compensation_that_keeps_failing_waits_for_an_operator_whose_retry_completes_it(string provider)
    {
        await using var service = await ServiceUnderTest.StartAsync(provider, settings: new Dictionary<string, string?> { ["Workflows:CompensationMaxAttempts"] = "3" });
        service.System.Fail(RecordStore.Do, "ship", Fault.Refusal("Out of stock."));
        service.System.Fail(RecordStore.Undo, "reserve", Fault.Unavailable);

        var id = await service.StartOrderAsync();
        var failed = await service.WaitForAsync(id, WorkflowStatus.CompensationFailed);

        Assert.Equal("the system API answered 503 Service Unavailable", failed.Error);
        Assert.Equal("reserve", failed.CurrentStep);
        Assert.Null(failed.EndedAt);
        var reserve = failed.Steps.Single(s => s is { Phase: StepPhase.Compensation, Name: "reserve" });
        Assert.Equal((StepStatus.Failed, 3), (reserve.Status, reserve.Attempts));
        Assert.Equal(["invoice"], service.System.UndoneStepsOf(id));
        var stalled = await service.WithClientAsync(c => c.ListStalledAsync(null, 10, default));
        Assert.Contains(stalled, s => s.Instance.Id == id && s.Step == "reserve");
        await Task.Delay(300);
        Assert.Equal(3, service.System.RequestsOf(id, RecordStore.Undo, "reserve").Count);

        service.System.Heal(RecordStore.Undo, "reserve");
        Assert.Equal(CommandOutcome.Accepted, (await service.WithClientAsync(c => c.RetryAsync(id, "operator-1", default))).Outcome);
        var compensated = await service.WaitForAsync(id, WorkflowStatus.Compensated);

        Assert.Equal(["invoice", "reserve"], service.System.UndoneStepsOf(id));
        Assert.Equal((CompensationCause.Refused, "Out of stock."), (compensated.Cause, compensated.Reason));
        reserve = compensated.Steps.Single(s => s is { Phase: StepPhase.Compensation, Name: "reserve" });
        Assert.Equal((StepStatus.Succeeded, 1), (reserve.Status, reserve.Attempts));
        Assert.Contains(compensated.History, h => h is { Kind: "Retried", Actor: "operator-1" });
        Assert.DoesNotContain(await service.WithClientAsync(c => c.ListStalledAsync(null, 10, default)), s => s.Instance.Id == id);
    }

    [SkippableTheory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Retrying_a_completed_instance_is_a_conflict_and_an_unknown_one_is_not_found(string provider)
    {
        await using var service = await ServiceUnderTest.StartAsync(provider);
        var id = await service.StartOrderAsync();
        var before = await service.WaitForAsync(id, WorkflowStatus.Completed);

        var retry = await service.WithClientAsync(c => c.RetryAsync(id, "operator-1", default));

        Assert.Equal(CommandOutcome.Conflict, retry.Outcome);
        Assert.Contains("Completed", retry.Message, StringComparison.Ordinal);
        var after = await service.GetAsync(id);
        Assert.Equal((before.Status, before.UpdatedAt, before.History.Count), (after.Status, after.UpdatedAt, after.History.Count));
        Assert.Equal(CommandOutcome.NotFound, (await service.WithClientAsync(c => c.RetryAsync("wf-unknown", null, default))).Outcome);
    }
}
