using FluentValidation;

namespace ApiPlatform.Contracts.Erp;

/// <summary>
/// A sales order; <c>ReservationIds</c> are active reservations made for it beforehand (by quote-to-cash), which the order
/// then holds until it ships or is cancelled.
/// </summary>
public sealed record CreateSalesOrderRequest(
    string Tenant,
    string CustomerAccountId,
    string? QuoteId,
    string Currency,
    IReadOnlyList<SalesOrderLineRequest> Lines,
    IReadOnlyList<string>? ReservationIds = null);

public sealed record SalesOrderLineRequest(string Sku, string Description, decimal Quantity, Money UnitPrice, decimal DiscountPercent);

public sealed class CreateSalesOrderRequestValidator : AbstractValidator<CreateSalesOrderRequest>
{
    public CreateSalesOrderRequestValidator()
    {
        RuleFor(r => r.Tenant).NotEmpty().MaximumLength(64);
        RuleFor(r => r.CustomerAccountId).NotEmpty().MaximumLength(64);
        RuleFor(r => r.Currency).NotEmpty().Matches("^[A-Z]{3}$");
        RuleFor(r => r.Lines).NotEmpty();
        RuleFor(r => r.ReservationIds).Must(ids => ids is null || (ids.Count <= 500 && ids.All(id => !string.IsNullOrEmpty(id) && id.Length <= 64)))
            .WithMessage("At most 500 reservation ids of at most 64 characters each.");
        RuleForEach(r => r.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.Sku).NotEmpty().MaximumLength(64);
            line.RuleFor(l => l.Quantity).GreaterThan(0);
            line.RuleFor(l => l.DiscountPercent).InclusiveBetween(0, 100);
            line.RuleFor(l => l.UnitPrice).NonNegativeMoney();
        });
        RuleFor(r => r)
            .Must(r => r.Lines is null || r.Lines.All(l => l.UnitPrice is null || l.UnitPrice.Currency == r.Currency))
            .WithName("Lines")
            .WithMessage("Every line must be priced in the order currency.");
    }
}
