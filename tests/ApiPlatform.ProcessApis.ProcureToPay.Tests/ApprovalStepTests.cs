using ApiPlatform.ProcessApis.ProcureToPay.Workflows;
using ApiPlatform.Workflows;
using static ApiPlatform.ProcessApis.ProcureToPay.Tests.Steps;

namespace ApiPlatform.ProcessApis.ProcureToPay.Tests;

/// <summary>
/// The approval policy by amount and category, and what the approval step makes of decisions and deadlines (the
/// runtime's own tests prove on a fake clock that a deadline fires once and that a late signal is refused).
/// </summary>
public sealed class ApprovalStepTests
{
    [Theory]
    [InlineData("general", 999.99, 0)]
    [InlineData("general", 1000, 1)]
    [InlineData("general", 9999.99, 1)]
    [InlineData("general", 10000, 2)]
    [InlineData("capex", 0.01, 1)]
    [InlineData("capex", 4999.99, 1)]
    [InlineData("capex", 5000, 2)]
    [InlineData("unknown-category", 500, 0)]
    public void The_category_policy_decides_how_many_levels_by_amount(string category, double amount, int levels)
    {
        Assert.Equal(levels, Rules().PolicyFor(category).LevelsFor((decimal)amount));
    }

    [Fact]
    public async Task Below_the_threshold_it_is_approved_without_waiting()
    {
        var state = State(999.99m);

        var result = await RunAsync(RequisitionSteps.Approval, state, null, Monday);

        Assert.Equal(StepOutcome.Done, result.Outcome);
        Assert.Equal(0, state.ApprovalLevels);
        Assert.Contains("Approved automatically", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_level_waits_for_its_approver_until_the_deadline_which_a_second_run_keeps_then_an_approval_ends_it()
    {
        var state = State(2_500m);

        var first = await RunAsync(RequisitionSteps.Approval, state, null, Monday);
        var again = await RunAsync(RequisitionSteps.Approval, state, null, Monday.AddHours(5));
        var approved = await RunAsync(RequisitionSteps.Approval, state, Decision(1, "approve", "procurement-app", Monday.AddHours(6), "Needed"), Monday.AddHours(6));

        Assert.Equal((StepOutcome.Waiting, RequisitionWorkflow.ApprovalSignal, Monday.AddDays(3)), (first.Outcome, first.WaitFor, first.Deadline));
        Assert.Equal(Monday.AddDays(3), again.Deadline);
        Assert.Equal(StepOutcome.Done, approved.Outcome);
        var decision = Assert.Single(state.Decisions);
        Assert.Equal((1, "approve", "procurement-app", Monday.AddHours(6), "Needed"), (decision.Level, decision.Decision, decision.DecidedBy, decision.DecidedAt, decision.Comment));
    }

    [Fact]
    public async Task Two_levels_wait_for_each_in_turn_each_with_its_own_deadline()
    {
        var state = State(12_000m);
        await RunAsync(RequisitionSteps.Approval, state, null, Monday);

        var second = await RunAsync(RequisitionSteps.Approval, state, Decision(1, "approve", "procurement-app", Monday.AddDays(1)), Monday.AddDays(1));
        var done = await RunAsync(RequisitionSteps.Approval, state, Decision(2, "approve", "finance-app", Monday.AddDays(2)), Monday.AddDays(2));

        Assert.Equal((StepOutcome.Waiting, Monday.AddDays(4)), (second.Outcome, second.Deadline));
        Assert.Contains("finance approver (level 2 of 2)", second.Detail, StringComparison.Ordinal);
        Assert.Equal(StepOutcome.Done, done.Outcome);
        Assert.Equal(["procurement-app", "finance-app"], state.Decisions.Select(d => d.DecidedBy));
    }

    [Fact]
    public async Task A_rejection_at_any_level_refuses_with_the_approvers_reason()
    {
        var state = State(12_000m);
        await RunAsync(RequisitionSteps.Approval, state, null, Monday);
        await RunAsync(RequisitionSteps.Approval, state, Decision(1, "approve", "procurement-app", Monday.AddHours(1)), Monday.AddHours(1));

        var result = await RunAsync(RequisitionSteps.Approval, state, Decision(2, "reject", "finance-app", Monday.AddHours(2), "Over budget"), Monday.AddHours(2));

        Assert.Equal((StepOutcome.Refused, "Rejected by the finance approver: Over budget"), (result.Outcome, result.Detail));
        Assert.Equal(2, state.Decisions.Count);
    }

    [Fact]
    public async Task The_deadline_passing_refuses_the_requisition_as_expired()
    {
        var state = State(2_500m);
        await RunAsync(RequisitionSteps.Approval, state, null, Monday);

        var result = await RunAsync(RequisitionSteps.Approval, state,
            new WorkflowSignal(RequisitionWorkflow.ApprovalSignal, null, null, Monday.AddDays(3), TimedOut: true), Monday.AddDays(3));

        Assert.Equal(StepOutcome.Refused, result.Outcome);
        Assert.EndsWith("the requisition expired.", result.Detail, StringComparison.Ordinal);
        Assert.Empty(state.Decisions);
    }

    [Fact]
    public async Task A_decision_for_a_level_already_decided_changes_nothing()
    {
        var state = State(12_000m);
        await RunAsync(RequisitionSteps.Approval, state, null, Monday);
        await RunAsync(RequisitionSteps.Approval, state, Decision(1, "approve", "procurement-app", Monday.AddHours(1)), Monday.AddHours(1));

        var late = await RunAsync(RequisitionSteps.Approval, state, Decision(1, "reject", "procurement-app", Monday.AddHours(2), "Oops"), Monday.AddHours(2));

        Assert.Equal(StepOutcome.Waiting, late.Outcome);
        Assert.Single(state.Decisions);
    }
}
