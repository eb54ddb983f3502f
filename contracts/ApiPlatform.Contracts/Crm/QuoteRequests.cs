using FluentValidation;

namespace ApiPlatform.Contracts.Crm;

/// <summary>
/// A draft quote; its totals are computed from the lines, their discounts and the tax rate. <c>OrderOnApproval</c> marks
/// a quote to be ordered as soon as it is approved (carried in <c>crm.quote.approved.v1</c>).
/// </summary>
public sealed record CreateQuoteRequest(
    string Tenant,
    string AccountId,
    string? OpportunityId,
    string Currency,
    decimal TaxRate,
    DateTimeOffset? ValidUntil,
    IReadOnlyList<QuoteLineRequest> Lines,
    bool OrderOnApproval = false);

public sealed record QuoteLineRequest(string Sku, string Description, decimal Quantity, Money UnitPrice, decimal DiscountPercent);

/// <summary>Why a quote is rejected.</summary>
public sealed record RejectQuoteRequest(string Reason);

public sealed class CreateQuoteRequestValidator : AbstractValidator<CreateQuoteRequest>
{
    public CreateQuoteRequestValidator()
        : this(TimeProvider.System)
    {
    }

    public CreateQuoteRequestValidator(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        RuleFor(r => r.Tenant).Tenant();
        RuleFor(r => r.AccountId).Id();
        RuleFor(r => r.OpportunityId).MaximumLength(64);
        RuleFor(r => r.Currency).CurrencyCode();
        RuleFor(r => r.TaxRate).InclusiveBetween(0m, 0.5m);
        RuleFor(r => r.ValidUntil).Must(until => until is null || until > time.GetUtcNow())
            .WithMessage("'Valid Until' must be in the future.");
        RuleFor(r => r.Lines).NotEmpty().Must(l => l is null || l.Count <= 200).WithMessage("A quote has at most 200 lines.");
        RuleForEach(r => r.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.Sku).NotEmpty().MaximumLength(64);
            line.RuleFor(l => l.Description).NotEmpty().MaximumLength(255);
            line.RuleFor(l => l.Quantity).GreaterThan(0).LessThanOrEqualTo(1_000_000);
            line.RuleFor(l => l.DiscountPercent).InclusiveBetween(0, 100);
            line.RuleFor(l => l.UnitPrice).NonNegativeMoney();
        });
        RuleFor(r => r)
            .Must(r => r.Lines is null || r.Lines.All(l => l.UnitPrice is null || l.UnitPrice.Currency == r.Currency))
            .WithName("Lines")
            .WithMessage("Every line must be priced in the quote currency.");
    }
}

public sealed class RejectQuoteRequestValidator : AbstractValidator<RejectQuoteRequest>
{
    public RejectQuoteRequestValidator() => RuleFor(r => r.Reason).NotEmpty().MaximumLength(500);
}
