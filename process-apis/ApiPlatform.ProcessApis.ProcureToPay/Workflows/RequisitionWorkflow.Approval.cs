using System.Globalization;
using ApiPlatform.Contracts.ProcureToPay;
using ApiPlatform.Workflows;

namespace ApiPlatform.ProcessApis.ProcureToPay.Workflows;

public sealed partial class RequisitionWorkflow
{
    /// <summary>
    /// The policy of the requisition's category decides the levels once (by its total); each level waits for its
    /// approvers until its own deadline. A rejection or a deadline passing refuses the requisition (nothing to undo yet).
    /// </summary>
    private Task<StepResult> ApproveAsync(StepContext<ProcurementState> c, CancellationToken cancellationToken)
    {
        var s = c.State;
        var policy = Rules.PolicyFor(s.Category);
        if (s.ApprovalLevels < 0)
        {
            s.ApprovalLevels = policy.LevelsFor(s.Total.Amount);
        }
        if (s.ApprovalLevels == 0)
        {
            return Task.FromResult(StepResult.Done(
                $"Approved automatically: {Amount(s.Total.Amount)} {s.Total.Currency} is below the {s.Category} threshold of {Amount(policy.AutoApproveBelow)}."));
        }

        var level = s.Decisions.Count + 1;
        if (c.Signal is { TimedOut: true })
        {
            return Task.FromResult(StepResult.Refused(
                $"No {LevelName(level)} approver decided before {s.ApprovalDeadline:yyyy-MM-dd HH:mm} UTC: the requisition expired."));
        }
        if (c.Signal is { Name: ApprovalSignal } signal && signal.PayloadAs<ApprovalSignalPayload>() is { } decision)
        {
            if (decision.Level != level)
            {
                // Decided on a level that is over (two approvers of one level at once): it changes nothing.
                return Task.FromResult(StepResult.Wait(ApprovalSignal, s.ApprovalDeadline,
                    $"A decision for level {decision.Level} came after that level was decided; waiting for the {LevelName(level)} approver."));
            }
            s.Decisions.Add(new RequisitionApprovalDecision(level, decision.Decision, signal.Actor ?? "unknown", signal.ReceivedAt, decision.Comment));
            s.ApprovalDeadline = null;
            if (decision.Decision != "approve")
            {
                return Task.FromResult(StepResult.Refused($"Rejected by the {LevelName(level)} approver: {decision.Comment}"));
            }
            level++;
        }
        if (level > s.ApprovalLevels)
        {
            return Task.FromResult(StepResult.Done($"Approved by {string.Join(" and ", s.Decisions.Select(d => d.DecidedBy))}."));
        }
        s.ApprovalDeadline ??= c.Now + policy.Deadline;
        return Task.FromResult(StepResult.Wait(ApprovalSignal, s.ApprovalDeadline,
            $"Waiting for the {LevelName(level)} approver (level {level} of {s.ApprovalLevels}) until {s.ApprovalDeadline:yyyy-MM-dd HH:mm} UTC."));
    }

    private string LevelName(int level) =>
        level <= Rules.Approval.Levels.Count ? Rules.Approval.Levels[level - 1].Name : $"level {level}";

    private static string Amount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}

/// <summary>An approver's decision as the approval step receives it: the level the approver decided on (checked by the API).</summary>
public sealed record ApprovalSignalPayload(int Level, string Decision, string? Comment);
