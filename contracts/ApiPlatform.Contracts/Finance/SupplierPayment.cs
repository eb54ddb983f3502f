using FluentValidation;

namespace ApiPlatform.Contracts.Finance;

public sealed record SupplierPayment(string Id, string Tenant, string SupplierInvoiceId, Money Amount, string Reference, DateTimeOffset PaidAt, SourceReference Source);

public sealed record RecordSupplierPaymentRequest(string SupplierInvoiceId, Money Amount, string Reference);

public sealed class RecordSupplierPaymentRequestValidator : AbstractValidator<RecordSupplierPaymentRequest>
{
    public RecordSupplierPaymentRequestValidator()
    {
        RuleFor(r => r.SupplierInvoiceId).Id();
        RuleFor(r => r.Amount).PositiveMoney();
        RuleFor(r => r.Reference).NotEmpty().MaximumLength(64);
    }
}
