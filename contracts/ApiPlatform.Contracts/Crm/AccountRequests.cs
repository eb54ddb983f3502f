using FluentValidation;

namespace ApiPlatform.Contracts.Crm;

public sealed record CreateAccountRequest(string Tenant, string Name, string? ParentAccountId, string Country, string Currency, string? Industry);

public sealed record UpdateAccountRequest(string Name, string? ParentAccountId, string Country, string Currency, string? Industry);

public sealed class CreateAccountRequestValidator : AbstractValidator<CreateAccountRequest>
{
    public CreateAccountRequestValidator()
    {
        RuleFor(r => r.Tenant).Tenant();
        RuleFor(r => r.Name).NotEmpty().MaximumLength(255).SingleLineText();
        RuleFor(r => r.ParentAccountId).MaximumLength(64);
        RuleFor(r => r.Country).CountryCode();
        RuleFor(r => r.Currency).CurrencyCode();
        RuleFor(r => r.Industry).MaximumLength(80);
    }
}

public sealed class UpdateAccountRequestValidator : AbstractValidator<UpdateAccountRequest>
{
    public UpdateAccountRequestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(255).SingleLineText();
        RuleFor(r => r.ParentAccountId).MaximumLength(64);
        RuleFor(r => r.Country).CountryCode();
        RuleFor(r => r.Currency).CurrencyCode();
        RuleFor(r => r.Industry).MaximumLength(80);
    }
}
