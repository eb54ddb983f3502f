using FluentValidation;

namespace ApiPlatform.Contracts.Erp;

public sealed record CreatePurchaseOrderRequest(string Tenant, string SupplierId, string Currency, IReadOnlyList<PurchaseOrderLineRequest> Lines);

public sealed record PurchaseOrderLineRequest(string Sku, string Description, decimal Quantity, Money UnitPrice);

public sealed class CreatePurchaseOrderRequestValidator : AbstractValidator<CreatePurchaseOrderRequest>
{
    public CreatePurchaseOrderRequestValidator()
    {
        RuleFor(r => r.Tenant).Tenant();
        RuleFor(r => r.SupplierId).Id();
        RuleFor(r => r.Currency).CurrencyCode();
        RuleFor(r => r.Lines).NotEmpty().Must(l => l is null || l.Count <= 200).WithMessage("A purchase order has at most 200 lines.");
        RuleForEach(r => r.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.Sku).NotEmpty().MaximumLength(64);
            line.RuleFor(l => l.Description).NotEmpty().MaximumLength(255);
            line.RuleFor(l => l.Quantity).GreaterThan(0).LessThanOrEqualTo(1_000_000);
            line.RuleFor(l => l.UnitPrice).PositiveMoney();
        });
        RuleFor(r => r)
            .Must(r => r.Lines is null || r.Lines.All(l => l.UnitPrice is null || l.UnitPrice.Currency == r.Currency))
            .WithName("Lines")
            .WithMessage("Every line must be priced in the order currency.");
    }
}
