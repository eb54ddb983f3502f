using ApiPlatform.Contracts;
using ApiPlatform.Contracts.QuoteToCash;
using ApiPlatform.ProcessApis.QuoteToCash.Workflows;
using ApiPlatform.Workflows;
using Microsoft.Extensions.Options;

namespace ApiPlatform.ProcessApis.QuoteToCash.Tests;

/// <summary>
/// The approval step's business rule, run as the runtime runs it (through the workflow's declared steps). The runtime's
/// own tests prove on a fake clock that a deadline fires once and that a late signal is refused; these prove what the
/// step makes of the signal or of its timeout.
/// </summary>
public sealed class ApprovalStepTests
{
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Within_the_credit_the_step_is_skipped()
    {
        var state = State(approvalRequired: false);

        var result = await RunAsync(state, null, Monday);

        Assert.Equal(StepOutcome.Skipped, result.Outcome);
    }

    [Fact]
    public async Task Over_the_credit_it_waits_until_the_configured_deadline_which_a_second_run_keeps()
    {
        var state = State(approvalRequired: true);

        var first = await RunAsync(state, null, Monday, deadline: TimeSpan.FromHours(36));
        var again = await RunAsync(state, null, Monday.AddHours(5), deadline: TimeSpan.FromHours(36));

        Assert.Equal((StepOutcome.Waiting, OrderWorkflow.ApprovalSignal, Monday.AddHours(36)), (first.Outcome, first.WaitFor, first.Deadline));
        Assert.Equal(Monday.AddHours(36), again.Deadline);
        Assert.Contains("exceeds the available credit", first.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Its_timeout_refuses_the_order_and_records_that_it_expired()
    {
        var state = State(approvalRequired: true);
        await RunAsync(state, null, Monday);

        var result = await RunAsync(state, new WorkflowSignal(OrderWorkflow.ApprovalSignal, null, null, Monday.AddDays(2), TimedOut: true), Monday.AddDays(2));

        Assert.Equal(StepOutcome.Refused, result.Outcome);
        Assert.StartsWith("No finance approver decided before", result.Detail, StringComparison.Ordinal);
        Assert.Equal(("expired", Monday.AddDays(2)), (state.ApprovalDecision, state.ApprovalDecidedAt));
    }

    [Fact]
    public async Task An_approval_records_who_decided_when_and_why()
    {
        var state = State(approvalRequired: true);

        var result = await RunAsync(state, Decision("approve", "Strategic customer", "finance-app"), Monday.AddHours(1));

        Assert.Equal((StepOutcome.Done, "Approved by finance-app: Strategic customer."), (result.Outcome, result.Detail));
        Assert.Equal(("approve", "finance-app", Monday.AddHours(1), "Strategic customer"),
            (state.ApprovalDecision, state.ApprovedBy, state.ApprovalDecidedAt, state.ApprovalComment));
    }

    [Fact]
    public async Task A_rejection_refuses_the_order_with_the_approvers_reason()
    {
        var state = State(approvalRequired: true);

        var result = await RunAsync(state, Decision("reject", "Exposure too high", "finance-app"), Monday.AddHours(1));

        Assert.Equal((StepOutcome.Refused, "Rejected by a finance approver: Exposure too high"), (result.Outcome, result.Detail));
        Assert.Equal("reject", state.ApprovalDecision);
    }

    private static WorkflowSignal Decision(string decision, string comment, string actor) => new(
        OrderWorkflow.ApprovalSignal, System.Text.Json.JsonSerializer.SerializeToElement(new ApprovalDecisionRequest(decision, comment),
            System.Text.Json.JsonSerializerOptions.Web), actor, Monday.AddHours(1));

    private static OrderState State(bool approvalRequired) => new()
    {
        QuoteId = "q-1", Tenant = "acme", Total = new Money(116_400m, "EUR"), ApprovalRequired = approvalRequired,
        ApprovalWhy = approvalRequired ? "116400.00 EUR exceeds the available credit of 80000.00 EUR" : null,
    };

    private static Task<StepResult> RunAsync(OrderState state, WorkflowSignal? signal, DateTimeOffset now, TimeSpan? deadline = null)
    {
        var rules = new QuoteToCashOptions { Approval = { Deadline = deadline ?? TimeSpan.FromDays(2) } };
        // The approval step calls no system: the clients, the outbox and the database are not needed.
        var workflow = new OrderWorkflow(null!, null!, null!, Options.Create(rules), null!, null!);
        var step = workflow.Steps.Single(s => s.Name == OrderSteps.Approval);
        return step.Run(new StepContext<OrderState>
        {
            InstanceId = "or-1", Step = step.Name, Tenant = "acme", IdempotencyKey = "or-1:approval", Attempt = 1, State = state, Signal = signal, Now = now,
        }, CancellationToken.None);
    }
}
