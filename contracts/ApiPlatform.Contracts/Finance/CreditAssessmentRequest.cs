using FluentValidation;

namespace ApiPlatform.Contracts.Finance;

public sealed record CreditAssessmentRequest(string AccountId, Money Amount);

public sealed class CreditAssessmentRequestValidator : AbstractValidator<CreditAssessmentRequest>
{
    public CreditAssessmentRequestValidator()
    {
        RuleFor(r => r.AccountId).NotEmpty().MaximumLength(64);
        RuleFor(r => r.Amount).NonNegativeMoney();
        RuleFor(r => r.Amount.Amount).GreaterThan(0).When(r => r.Amount is not null).OverridePropertyName("Amount.Amount");
    }
}
