using FluentValidation;

namespace ApiPlatform.Contracts.Crm;

public sealed record Contact(
    string Id,
    string Tenant,
    string? AccountId,
    string FirstName,
    string LastName,
    string? Email,
    string? Phone,
    string? Title,
    SourceReference Source);

public sealed record CreateContactRequest(string Tenant, string? AccountId, string FirstName, string LastName, string Email, string? Phone, string? Title);

public sealed class CreateContactRequestValidator : AbstractValidator<CreateContactRequest>
{
    public CreateContactRequestValidator()
    {
        RuleFor(r => r.Tenant).Tenant();
        RuleFor(r => r.AccountId).MaximumLength(64);
        RuleFor(r => r.FirstName).NotEmpty().MaximumLength(80).SingleLineText();
        RuleFor(r => r.LastName).NotEmpty().MaximumLength(80).SingleLineText();
        RuleFor(r => r.Email).NotEmpty().EmailAddress().MaximumLength(254);
        RuleFor(r => r.Phone).MaximumLength(40);
        RuleFor(r => r.Title).MaximumLength(128);
    }
}
