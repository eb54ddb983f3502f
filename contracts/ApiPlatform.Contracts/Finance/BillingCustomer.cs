using FluentValidation;

namespace ApiPlatform.Contracts.Finance;

/// <summary>A customer of the subscription billing system, linked to its CRM account.</summary>
public sealed record BillingCustomer(string Id, string Tenant, string? AccountId, string Name, string Email, string? Currency, SourceReference Source);

public sealed record CreateBillingCustomerRequest(string Tenant, string AccountId, string Name, string Email);

public sealed class CreateBillingCustomerRequestValidator : AbstractValidator<CreateBillingCustomerRequest>
{
    public CreateBillingCustomerRequestValidator()
    {
        RuleFor(r => r.Tenant).Tenant();
        RuleFor(r => r.AccountId).Id();
        RuleFor(r => r.Name).NotEmpty().MaximumLength(255).SingleLineText();
        RuleFor(r => r.Email).NotEmpty().EmailAddress().MaximumLength(254);
    }
}
