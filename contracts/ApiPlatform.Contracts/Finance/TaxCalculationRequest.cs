using FluentValidation;

namespace ApiPlatform.Contracts.Finance;

public sealed record TaxCalculationRequest(Address ShipTo, string Currency, IReadOnlyList<TaxCalculationLine> Lines);

/// <summary>A line to tax; <c>TaxCode</c> is the product's tax code (e.g. <c>STANDARD</c>, <c>REDUCED</c>, <c>SERVICES</c>, <c>EXEMPT</c>).</summary>
public sealed record TaxCalculationLine(int LineNumber, string TaxCode, Money NetAmount);

public sealed class TaxCalculationRequestValidator : AbstractValidator<TaxCalculationRequest>
{
    public TaxCalculationRequestValidator()
    {
        RuleFor(r => r.ShipTo).NotNull().SetValidator(new AddressValidator());
        RuleFor(r => r.Currency).CurrencyCode();
        RuleFor(r => r.Lines).NotEmpty().Must(l => l is null || l.Count <= 500).WithMessage("At most 500 lines.");
        RuleForEach(r => r.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.LineNumber).GreaterThan(0);
            line.RuleFor(l => l.TaxCode).NotEmpty().MaximumLength(16);
            line.RuleFor(l => l.NetAmount).NotNull().SetValidator(new MoneyValidator());
        });
        RuleFor(r => r)
            .Must(r => r.Lines is null || r.Lines.All(l => l.NetAmount is null || l.NetAmount.Currency == r.Currency))
            .WithName("Lines")
            .WithMessage("Every line must be in the request currency.");
    }
}
