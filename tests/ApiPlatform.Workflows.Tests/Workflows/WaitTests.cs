using ApiPlatform.Workflows.Tests.Infrastructure;
using ApiPlatform.Workflows.Tests.TestWorkflows;
using Microsoft.Extensions.Time.Testing;

namespace ApiPlatform.Workflows.Tests.Workflows;

/// <summary>Waits run on a fake clock: deadlines pass when the test says, never by sleeping.</summary>
public sealed class WaitTests
{
    private static readonly DateTimeOffset Monday = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [SkippableTheory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task An_approval_signal_resumes_the_waiting_step_and_the_instance_completes(string provider)
    {
        await using var service = await ServiceUnderTest.StartAsync(provider, clock: new FakeTimeProvider(Monday));
        var id = await service.StartApprovalAsync(deadlineMinutes: 60);
        var waiting = await service.WaitForAsync(id, WorkflowStatus.Waiting);
        Assert.Equal((ApprovalWorkflow.Signal, "approval"), (waiting.WaitingFor, waiting.CurrentStep));
        Assert.Equal(waiting.StepStartedAt.AddMinutes(60), waiting.WaitDeadline);
        Assert.Equal(StepStatus.Waiting, waiting.Steps[1].Status);

        var signal = await service.WithClientAsync(c => c.SignalAsync(id, ApprovalWorkflow.Signal, new ApprovalDecision(true), "manager-1", default));
        Assert.Equal(CommandOutcome.Accepted, signal.Outcome);
        var view = await service.WaitForAsync(id, WorkflowStatus.Completed);

        Assert.Equal("manager-1", view.StateAs<ApprovalState>().ApprovedBy);
        Assert.Equal(("approved by manager-1", StepStatus.Succeeded, 2), (view.Steps[1].Detail, view.Steps[1].Status, view.Steps[1].Attempts));
        Assert.Equal(2, service.Probe.ApprovalRuns[id]);
        Assert.Equal(["reserve", "invoice"], service.System.DocumentsOf(id).Select(d => d.Step));
        Assert.Contains(view.History, h => h is { Kind: "Signal", Actor: "manager-1" });
        var again = await service.WithClientAsync(c => c.SignalAsync(id, ApprovalWorkflow.Signal, new ApprovalDecision(true), "manager-2", default));
        Assert.Equal(CommandOutcome.Conflict, again.Outcome);
    }

    [SkippableTheory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task A_milestone_recorded_with_the_wake_signal_resumes_the_waiting_step_which_sees_the_changed_state(string provider)
    {
        await using var service = await ServiceUnderTest.StartAsync(provider, clock: new FakeTimeProvider(Monday));
        var id = await service.StartApprovalAsync(deadlineMinutes: null);
        await service.WaitForAsync(id, WorkflowStatus.Waiting);

        var elsewhere = await service.WithClientAsync(c => c.RecordAsync<ApprovalWorkflow, ApprovalState>(
            id, s => { s.ApprovedBy = "erp-import"; return "approved-elsewhere"; }, "erp", "another-signal", default));
        var stillWaiting = await service.GetAsync(id);
        var recorded = await service.WithClientAsync(c => c.RecordAsync<ApprovalWorkflow, ApprovalState>(
            id, s => { s.ApprovedBy = "erp-import"; return "approved-in-erp"; }, "erp", ApprovalWorkflow.Signal, default));
        var view = await service.WaitForAsync(id, WorkflowStatus.Completed);

        // A wake signal the instance does not wait for changes the state only.
        Assert.Equal((CommandOutcome.Accepted, WorkflowStatus.Waiting), (elsewhere.Outcome, stillWaiting.Status));
        Assert.Equal("erp-import", stillWaiting.StateAs<ApprovalState>().ApprovedBy);
        Assert.Equal(CommandOutcome.Accepted, recorded.Outcome);
        Assert.Equal(("approved by erp-import (approved-in-erp)", StepStatus.Succeeded), (view.Steps[1].Detail, view.Steps[1].Status));
        Assert.Equal(["approved-elsewhere", "approved-in-erp"], view.History.Where(h => h.Kind == "Milestone").Select(h => h.Detail));
        Assert.Equal(2, service.Probe.ApprovalRuns[id]);
    }

    [SkippableTheory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task A_rejection_refuses_the_step_and_compensates_what_was_done(string provider)
    {
        await using var service = await ServiceUnderTest.StartAsync(provider, clock: new FakeTimeProvider(Monday));
        var id = await service.StartApprovalAsync(deadlineMinutes: 60);
        await service.WaitForAsync(id, WorkflowStatus.Waiting);

        var wrongSignal = await service.WithClientAsync(c => c.SignalAsync(id, "shipment", null, "manager-1", default));
        var signal = await service.WithClientAsync(c => c.SignalAsync(id, ApprovalWorkflow.Signal, new ApprovalDecision(false, "too expensive"), "manager-1", default));
        var view = await service.WaitForAsync(id, WorkflowStatus.Compensated);

        Assert.Equal(CommandOutcome.Conflict, wrongSignal.Outcome);
        Assert.Equal(CommandOutcome.Accepted, signal.Outcome);
        Assert.Equal((CompensationCause.Refused, "Rejected by manager-1: too expensive"), (view.Cause, view.Reason));
        Assert.Equal(StepStatus.Refused, view.Steps[1].Status);
        Assert.Equal(["reserve"], service.System.UndoneStepsOf(id));
        Assert.Equal(["reserve"], service.System.DocumentsOf(id).Select(d => d.Step));
    }

    [SkippableTheory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task A_passed_deadline_runs_the_step_once_with_its_timeout_and_a_late_signal_changes_nothing(string provider)
    {
        var clock = new FakeTimeProvider(Monday);
        await using var service = await ServiceUnderTest.StartAsync(provider, clock: clock);
        var id = await service.StartApprovalAsync(deadlineMinutes: 60);
        var waiting = await service.WaitForAsync(id, WorkflowStatus.Waiting);

        clock.SetUtcNow(waiting.WaitDeadline!.Value.AddMilliseconds(1));
        // Whether the runner has fired the timer yet or not, a decision after the deadline is refused.
        var atDeadline = await service.WithClientAsync(c => c.SignalAsync(id, ApprovalWorkflow.Signal, new ApprovalDecision(true), "manager-1", default));
        var timedOut = await service.WaitForAsync(id, WorkflowStatus.Compensated);

        Assert.Equal(CommandOutcome.Conflict, atDeadline.Outcome);
        Assert.Equal((CompensationCause.Refused, "No approval came within the deadline."), (timedOut.Cause, timedOut.Reason));
        Assert.Single(timedOut.History, h => h.Kind == "TimerFired");
        Assert.DoesNotContain(timedOut.History, h => h.Kind == "Signal");
        Assert.Equal(["reserve"], service.System.UndoneStepsOf(id));

        var late = await service.WithClientAsync(c => c.SignalAsync(id, ApprovalWorkflow.Signal, new ApprovalDecision(true), "manager-1", default));
        // More time passing and more polls fire no second timeout.
        for (var i = 0; i < 20; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(10));
            await Task.Delay(10);
        }
        var after = await service.GetAsync(id);

        Assert.Equal(CommandOutcome.Conflict, late.Outcome);
        Assert.Equal(1, service.Probe.TimedOut[id]);
        Assert.Equal(2, service.Probe.ApprovalRuns[id]);
        Assert.Equal((timedOut.Status, timedOut.UpdatedAt, timedOut.History.Count, timedOut.Steps.Count), (after.Status, after.UpdatedAt, after.History.Count, after.Steps.Count));
        Assert.Equal(["reserve"], service.System.UndoneStepsOf(id));
    }
}
