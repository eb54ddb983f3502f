using FluentValidation;

namespace ApiPlatform.Contracts.Finance;

/// <summary>An invoice received from a supplier (accounts payable).</summary>
public sealed record SupplierInvoice(
    string Id,
    string Tenant,
    string SupplierId,
    string SupplierInvoiceNumber,
    string? PurchaseOrderId,
    SupplierInvoiceStatus Status,
    Money Net,
    Money Tax,
    Money Total,
    Money AmountPaid,
    Money AmountDue,
    DateOnly InvoiceDate,
    DateOnly DueDate,
    SourceReference Source);

public sealed record RecordSupplierInvoiceRequest(
    string Tenant,
    string SupplierId,
    string SupplierInvoiceNumber,
    string? PurchaseOrderId,
    Money Net,
    Money Tax,
    DateOnly InvoiceDate,
    DateOnly DueDate);

public sealed class RecordSupplierInvoiceRequestValidator : AbstractValidator<RecordSupplierInvoiceRequest>
{
    public RecordSupplierInvoiceRequestValidator()
    {
        RuleFor(r => r.Tenant).Tenant();
        RuleFor(r => r.SupplierId).Id();
        RuleFor(r => r.SupplierInvoiceNumber).NotEmpty().MaximumLength(64);
        RuleFor(r => r.PurchaseOrderId).MaximumLength(64);
        RuleFor(r => r.Net).PositiveMoney();
        RuleFor(r => r.Tax).NonNegativeMoney();
        RuleFor(r => r.Tax.Amount).GreaterThanOrEqualTo(0).When(r => r.Tax is not null).OverridePropertyName("Tax.Amount");
        RuleFor(r => r).Must(r => r.Net is null || r.Tax is null || r.Net.Currency == r.Tax.Currency)
            .WithName("Tax").WithMessage("Net and tax must be in one currency.");
        RuleFor(r => r.DueDate).GreaterThanOrEqualTo(r => r.InvoiceDate);
    }
}
