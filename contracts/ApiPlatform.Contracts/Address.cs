using FluentValidation;

namespace ApiPlatform.Contracts;

/// <summary>A postal address; <c>Country</c> is ISO 3166-1 alpha-2 and <c>Region</c> the state or province code.</summary>
public sealed record Address(string Line1, string? Line2, string City, string PostalCode, string? Region, string Country);

public sealed class AddressValidator : AbstractValidator<Address>
{
    public AddressValidator()
    {
        RuleFor(a => a.Line1).NotEmpty().MaximumLength(120);
        RuleFor(a => a.Line2).MaximumLength(120);
        RuleFor(a => a.City).NotEmpty().MaximumLength(80);
        RuleFor(a => a.PostalCode).NotEmpty().MaximumLength(16);
        RuleFor(a => a.Region).MaximumLength(8);
        RuleFor(a => a.Country).NotEmpty().Matches("^[A-Z]{2}$").WithMessage("'Country' must be an ISO 3166-1 alpha-2 code such as DE.");
    }
}
