using FluentValidation;

namespace ApiPlatform.Contracts.Erp;

/// <summary>An ERP customer (sold-to party), linked to the CRM account it was synchronized from.</summary>
public sealed record Customer(
    string Id,
    string Tenant,
    string Number,
    string Name,
    string? CrmAccountId,
    string Country,
    string Currency,
    Address? BillingAddress,
    bool Blocked,
    DateTimeOffset UpdatedAt,
    SourceReference Source);

/// <summary>Creates the customer of a CRM account, or updates it when one exists: a retry never makes a second customer.</summary>
public sealed record UpsertCustomerRequest(string Tenant, string CrmAccountId, string Name, string Country, string Currency, Address? BillingAddress);

public sealed class UpsertCustomerRequestValidator : AbstractValidator<UpsertCustomerRequest>
{
    public UpsertCustomerRequestValidator()
    {
        RuleFor(r => r.Tenant).Tenant();
        RuleFor(r => r.CrmAccountId).Id();
        RuleFor(r => r.Name).NotEmpty().MaximumLength(80).SingleLineText();
        RuleFor(r => r.Country).CountryCode();
        RuleFor(r => r.Currency).CurrencyCode();
        RuleFor(r => r.BillingAddress!).SetValidator(new AddressValidator()).When(r => r.BillingAddress is not null);
    }
}
