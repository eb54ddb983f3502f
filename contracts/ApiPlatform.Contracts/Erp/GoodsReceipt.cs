using FluentValidation;

namespace ApiPlatform.Contracts.Erp;

/// <summary>Goods received against a purchase order; each line adds to stock in the receiving warehouse.</summary>
public sealed record GoodsReceipt(
    string Id,
    string Tenant,
    string Number,
    string PurchaseOrderId,
    string Warehouse,
    IReadOnlyList<GoodsReceiptLine> Lines,
    DateTimeOffset ReceivedAt,
    SourceReference Source);

public sealed record GoodsReceiptLine(int PurchaseOrderLineNumber, string Sku, decimal Quantity);

public sealed record CreateGoodsReceiptRequest(string PurchaseOrderId, string? Warehouse, IReadOnlyList<GoodsReceiptLineRequest> Lines);

public sealed record GoodsReceiptLineRequest(int PurchaseOrderLineNumber, decimal Quantity);

public sealed class CreateGoodsReceiptRequestValidator : AbstractValidator<CreateGoodsReceiptRequest>
{
    public CreateGoodsReceiptRequestValidator()
    {
        RuleFor(r => r.PurchaseOrderId).Id();
        RuleFor(r => r.Warehouse).MaximumLength(16);
        RuleFor(r => r.Lines).NotEmpty();
        RuleForEach(r => r.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.PurchaseOrderLineNumber).GreaterThan(0);
            line.RuleFor(l => l.Quantity).GreaterThan(0).LessThanOrEqualTo(1_000_000);
        });
    }
}
