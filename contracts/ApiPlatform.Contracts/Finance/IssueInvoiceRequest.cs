using FluentValidation;

namespace ApiPlatform.Contracts.Finance;

/// <summary>Issues the invoice of a sales order (or of ad-hoc lines); tax follows the ship-to address.</summary>
public sealed record IssueInvoiceRequest(
    string Tenant,
    string AccountId,
    string? SalesOrderId,
    string Currency,
    Address ShipTo,
    int? PaymentTermsDays,
    IReadOnlyList<InvoiceLineRequest> Lines);

public sealed record InvoiceLineRequest(string Sku, string Description, decimal Quantity, Money UnitPrice, decimal DiscountPercent, string? TaxCode);

public sealed class IssueInvoiceRequestValidator : AbstractValidator<IssueInvoiceRequest>
{
    public IssueInvoiceRequestValidator()
    {
        RuleFor(r => r.Tenant).Tenant();
        RuleFor(r => r.AccountId).Id();
        RuleFor(r => r.SalesOrderId).MaximumLength(64);
        RuleFor(r => r.Currency).CurrencyCode();
        RuleFor(r => r.ShipTo).NotNull().SetValidator(new AddressValidator());
        RuleFor(r => r.PaymentTermsDays).InclusiveBetween(0, 180);
        RuleFor(r => r.Lines).NotEmpty().Must(l => l is null || l.Count <= 500).WithMessage("An invoice has at most 500 lines.");
        RuleForEach(r => r.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.Sku).NotEmpty().MaximumLength(64);
            line.RuleFor(l => l.Description).NotEmpty().MaximumLength(255);
            line.RuleFor(l => l.Quantity).GreaterThan(0).LessThanOrEqualTo(1_000_000);
            line.RuleFor(l => l.DiscountPercent).InclusiveBetween(0, 100);
            line.RuleFor(l => l.UnitPrice).NonNegativeMoney();
            line.RuleFor(l => l.TaxCode).MaximumLength(16);
        });
        RuleFor(r => r)
            .Must(r => r.Lines is null || r.Lines.All(l => l.UnitPrice is null || l.UnitPrice.Currency == r.Currency))
            .WithName("Lines")
            .WithMessage("Every line must be priced in the invoice currency.");
    }
}
