using ApiPlatform.Contracts.Finance;
using ApiPlatform.Contracts.QuoteToCash;
using ApiPlatform.ServiceDefaults.Clients;
using ApiPlatform.Workflows;

namespace ApiPlatform.ProcessApis.QuoteToCash.Workflows;

public sealed partial class OrderWorkflow
{
    public const string ApprovalSignal = "approval";

    private async Task<StepResult> CheckCreditAsync(StepContext<OrderState> c, CancellationToken cancellationToken)
    {
        var s = c.State;
        var total = s.Total!;
        using var response = await finance.AssessCreditAsync(new CreditAssessmentRequest(s.AccountId!, total), c.IdempotencyKey, cancellationToken);
        var assessment = response.Require();
        s.CreditAssessmentId = assessment.Id;
        s.AvailableCredit = assessment.AvailableCredit;
        var available = $"{assessment.AvailableCredit.Amount:0.00} {assessment.AvailableCredit.Currency}";
        if (assessment.Decision != CreditDecision.Approved)
        {
            s.ApprovalRequired = true;
            s.ApprovalWhy = $"{total.Amount:0.00} {total.Currency} exceeds the available credit of {available}";
        }
        else if (Rules.Approval.AlwaysAbove.TryGetValue(total.Currency, out var above) && total.Amount >= above)
        {
            s.ApprovalRequired = true;
            s.ApprovalWhy = $"{total.Amount:0.00} {total.Currency} is at or above the approval threshold of {above:0.00} {total.Currency}";
        }
        return StepResult.Done(s.ApprovalRequired ? $"Needs a finance approver: {s.ApprovalWhy}." : $"Credit approved; {available} was available.");
    }

    /// <summary>The approved amount stops counting against the credit line (releasing twice changes nothing).</summary>
    private async Task ReleaseCreditAsync(StepContext<OrderState> c, CancellationToken cancellationToken)
    {
        using var released = await finance.ReleaseCreditAsync(c.State.CreditAssessmentId!, cancellationToken);
        if (!released.IsSuccessful && released.StatusCode != System.Net.HttpStatusCode.NotFound)
        {
            throw released.Error!;
        }
    }

    private Task<StepResult> ApproveAsync(StepContext<OrderState> c, CancellationToken cancellationToken)
    {
        var s = c.State;
        if (!s.ApprovalRequired)
        {
            return Task.FromResult(StepResult.Skipped("No approval needed: within the available credit."));
        }

        if (c.Signal is not { } signal)
        {
            s.ApprovalDeadline ??= c.Now + Rules.Approval.Deadline;
            return Task.FromResult(StepResult.Wait(ApprovalSignal, s.ApprovalDeadline, $"Waiting for a finance approver until {s.ApprovalDeadline:u}: {s.ApprovalWhy}."));
        }

        if (signal.TimedOut)
        {
            s.ApprovalDecision = "expired";
            s.ApprovalDecidedAt = signal.ReceivedAt;
            return Task.FromResult(StepResult.Refused($"No finance approver decided before {s.ApprovalDeadline:u}; the order request expired."));
        }

        var decision = signal.PayloadAs<ApprovalDecisionRequest>()!;
        s.ApprovalDecision = decision.Decision;
        s.ApprovedBy = signal.Actor;
        s.ApprovalDecidedAt = signal.ReceivedAt;
        s.ApprovalComment = decision.Comment;
        return Task.FromResult(decision.Decision == "approve"
            ? StepResult.Done($"Approved by {signal.Actor}{(decision.Comment is { Length: > 0 } comment ? $": {comment}" : "")}.")
            : StepResult.Refused($"Rejected by a finance approver: {decision.Comment}"));
    }
}
