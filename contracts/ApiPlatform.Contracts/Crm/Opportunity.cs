using FluentValidation;

namespace ApiPlatform.Contracts.Crm;

public sealed record Opportunity(
    string Id,
    string Tenant,
    string? AccountId,
    string Name,
    OpportunityStage Stage,
    Money Amount,
    DateOnly CloseDate,
    int Probability,
    SourceReference Source);

public sealed record CreateOpportunityRequest(string Tenant, string AccountId, string Name, OpportunityStage Stage, Money Amount, DateOnly CloseDate);

public sealed class CreateOpportunityRequestValidator : AbstractValidator<CreateOpportunityRequest>
{
    public CreateOpportunityRequestValidator()
    {
        RuleFor(r => r.Tenant).Tenant();
        RuleFor(r => r.AccountId).Id();
        RuleFor(r => r.Name).NotEmpty().MaximumLength(120).SingleLineText();
        RuleFor(r => r.Stage).IsInEnum();
        RuleFor(r => r.Amount).NonNegativeMoney();
        RuleFor(r => r.Amount.Amount).GreaterThanOrEqualTo(0).When(r => r.Amount is not null).OverridePropertyName("Amount.Amount");
        RuleFor(r => r.CloseDate).NotEmpty();
    }
}
