using ApiPlatform.Workflows.Tests.Infrastructure;

namespace ApiPlatform.Workflows.Tests.Workflows;

public sealed class CancelTests
{
    [SkippableTheory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Cancelling_a_waiting_instance_compensates_its_completed_steps_and_ends_it_cancelled(string provider)
    {
        await using var service = await ServiceUnderTest.StartAsync(provider);
        var id = await service.StartApprovalAsync();
        await service.WaitForAsync(id, WorkflowStatus.Waiting);

        var cancel = await service.WithClientAsync(c => c.CancelAsync(id, "The customer withdrew the order.", "operator-1", default));
        var view = await service.WaitForAsync(id, WorkflowStatus.Cancelled);

        Assert.Equal(CommandOutcome.Accepted, cancel.Outcome);
        Assert.Equal((CompensationCause.Cancelled, "The customer withdrew the order."), (view.Cause, view.Reason));
        Assert.Equal(["reserve"], service.System.UndoneStepsOf(id));
        Assert.Equal((StepStatus.Failed, "The customer withdrew the order."), (view.Steps[1].Status, view.Steps[1].Detail));
        Assert.Equal(StepStatus.Pending, view.Steps[2].Status);
        Assert.Contains(view.History, h => h is { Kind: "CancelRequested", Actor: "operator-1" });
        Assert.Equal("Cancelled", (await service.OutboxEventsAsync(id))[^1].Kind);
        var signal = await service.WithClientAsync(c => c.SignalAsync(id, "approval", null, "manager-1", default));
        Assert.Equal(CommandOutcome.Conflict, signal.Outcome);
    }

    [SkippableTheory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Cancelling_a_completed_instance_is_a_conflict_and_changes_nothing(string provider)
    {
        await using var service = await ServiceUnderTest.StartAsync(provider);
        var id = await service.StartOrderAsync();
        var before = await service.WaitForAsync(id, WorkflowStatus.Completed);

        var cancel = await service.WithClientAsync(c => c.CancelAsync(id, "Too late.", "operator-1", default));

        Assert.Equal(CommandOutcome.Conflict, cancel.Outcome);
        var after = await service.GetAsync(id);
        Assert.Equal((WorkflowStatus.Completed, before.UpdatedAt, before.History.Count, false), (after.Status, after.UpdatedAt, after.History.Count, after.CancelRequested));
        Assert.Empty(service.System.UndoneStepsOf(id));
        Assert.Equal(CommandOutcome.NotFound, (await service.WithClientAsync(c => c.CancelAsync("wf-unknown", "x", null, default))).Outcome);
    }
}
