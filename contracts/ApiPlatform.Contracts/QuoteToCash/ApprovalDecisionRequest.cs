using FluentValidation;

namespace ApiPlatform.Contracts.QuoteToCash;

/// <summary>A finance approver's decision on an order request that waits for approval: <c>approve</c> or <c>reject</c>.</summary>
public sealed record ApprovalDecisionRequest(string Decision, string? Comment);

public sealed class ApprovalDecisionRequestValidator : AbstractValidator<ApprovalDecisionRequest>
{
    public ApprovalDecisionRequestValidator()
    {
        RuleFor(r => r.Decision).NotEmpty().Must(d => d is "approve" or "reject").WithMessage("'Decision' must be 'approve' or 'reject'.");
        RuleFor(r => r.Comment).MaximumLength(500);
        RuleFor(r => r.Comment).NotEmpty().When(r => r.Decision == "reject").WithMessage("A rejection needs a comment saying why.");
    }
}
