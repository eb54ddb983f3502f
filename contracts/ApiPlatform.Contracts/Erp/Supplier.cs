using FluentValidation;

namespace ApiPlatform.Contracts.Erp;

public sealed record Supplier(
    string Id,
    string Tenant,
    string Number,
    string Name,
    string Country,
    string Currency,
    int PaymentTermsDays,
    SourceReference Source);

public sealed record CreateSupplierRequest(string Tenant, string Name, string Country, string Currency, int PaymentTermsDays);

public sealed class CreateSupplierRequestValidator : AbstractValidator<CreateSupplierRequest>
{
    public CreateSupplierRequestValidator()
    {
        RuleFor(r => r.Tenant).Tenant();
        RuleFor(r => r.Name).NotEmpty().MaximumLength(80).SingleLineText();
        RuleFor(r => r.Country).CountryCode();
        RuleFor(r => r.Currency).CurrencyCode();
        RuleFor(r => r.PaymentTermsDays).InclusiveBetween(0, 180);
    }
}
