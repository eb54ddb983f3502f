using ApiPlatform.Messaging.Outbox;
using ApiPlatform.Workflows.Tests.SystemOfRecord;

namespace ApiPlatform.Workflows.Tests.TestWorkflows;

/// <summary>Reserve, wait for a manager's approval (until a deadline, if the state sets one), then invoice.</summary>
public sealed class ApprovalWorkflow(ISystemOfRecordApi system, IEventPublisher events, StepProbe probe) : IWorkflow<ApprovalState>
{
    public const string Signal = "approval";

    public static string Name => "workflowtest.approval";

    public IReadOnlyList<WorkflowStep<ApprovalState>> Steps =>
    [
        new("reserve", (c, ct) => CreateAsync("reserve", c, ct), (c, ct) => UndoAsync("reserve", c, ct)),
        new("approval", Approve),
        new("invoice", (c, ct) => CreateAsync("invoice", c, ct), (c, ct) => UndoAsync("invoice", c, ct)),
    ];

    public void OnTransition(WorkflowTransition<ApprovalState> transition) => events.Publish(new WorkflowTransitioned(
        transition.InstanceId, Name, transition.Kind.ToString(), transition.Status.ToString(), transition.Step, transition.Reason));

    private Task<StepResult> Approve(StepContext<ApprovalState> context, CancellationToken cancellationToken)
    {
        probe.ApprovalRuns.AddOrUpdate(context.InstanceId, 1, (_, n) => n + 1);
        if (context.Signal is not { } signal)
        {
            var deadline = context.State.DeadlineMinutes is { } minutes ? context.Now.AddMinutes(minutes) : (DateTimeOffset?)null;
            return Task.FromResult(StepResult.Wait(Signal, deadline, "waiting for a manager's approval"));
        }
        if (signal.TimedOut)
        {
            probe.TimedOut.AddOrUpdate(context.InstanceId, 1, (_, n) => n + 1);
            return Task.FromResult(StepResult.Refused("No approval came within the deadline."));
        }
        if (signal.Payload is { ValueKind: System.Text.Json.JsonValueKind.String } milestone)
        {
            // A milestone recorded with this wake signal: the state already carries what it changed.
            return Task.FromResult(StepResult.Done($"approved by {context.State.ApprovedBy} ({milestone.GetString()})"));
        }
        var decision = signal.PayloadAs<ApprovalDecision>();
        if (decision is not { Approved: true })
        {
            return Task.FromResult(StepResult.Refused($"Rejected by {signal.Actor}: {decision?.Comment}"));
        }
        context.State.ApprovedBy = signal.Actor;
        return Task.FromResult(StepResult.Done($"approved by {signal.Actor}"));
    }

    private async Task<StepResult> CreateAsync(string step, StepContext<ApprovalState> context, CancellationToken cancellationToken)
    {
        var receipt = await system.CreateAsync(step, context.IdempotencyKey, new DocumentRequest(context.InstanceId), cancellationToken);
        return StepResult.Done($"document {receipt.Number}");
    }

    private Task UndoAsync(string step, StepContext<ApprovalState> context, CancellationToken cancellationToken) =>
        system.UndoAsync(step, context.IdempotencyKey, new DocumentRequest(context.InstanceId), cancellationToken);
}
