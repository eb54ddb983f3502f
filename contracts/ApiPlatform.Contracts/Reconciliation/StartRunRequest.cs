using FluentValidation;

namespace ApiPlatform.Contracts.Reconciliation;

/// <summary>Reconciles one tenant's period, written <c>yyyy-MM</c>.</summary>
public sealed record StartRunRequest(string Tenant, string Period);

public sealed class StartRunRequestValidator : AbstractValidator<StartRunRequest>
{
    public StartRunRequestValidator()
    {
        RuleFor(r => r.Tenant).Tenant();
        RuleFor(r => r.Period).NotEmpty().Must(ReconciliationPeriod.IsValid).WithMessage("'Period' must be a month written yyyy-MM.");
    }
}
