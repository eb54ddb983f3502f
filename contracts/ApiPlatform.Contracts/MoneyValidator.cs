using FluentValidation;

namespace ApiPlatform.Contracts;

public sealed class MoneyValidator : AbstractValidator<Money>
{
    public MoneyValidator()
    {
        RuleFor(m => m.Currency).NotEmpty().Matches("^[A-Z]{3}$").WithMessage("'Currency' must be an ISO 4217 code such as EUR.");
        RuleFor(m => m.Amount).PrecisionScale(18, 4, ignoreTrailingZeros: true);
    }
}
