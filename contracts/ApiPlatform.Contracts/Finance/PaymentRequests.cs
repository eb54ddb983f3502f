using FluentValidation;

namespace ApiPlatform.Contracts.Finance;

public sealed record RecordPaymentRequest(
    string Tenant,
    string AccountId,
    Money Amount,
    string Method,
    string Reference,
    IReadOnlyList<PaymentApplicationRequest>? Applications);

public sealed record ApplyPaymentRequest(IReadOnlyList<PaymentApplicationRequest> Applications);

public sealed record PaymentApplicationRequest(string InvoiceId, Money Amount);

public sealed class PaymentApplicationRequestValidator : AbstractValidator<PaymentApplicationRequest>
{
    public PaymentApplicationRequestValidator()
    {
        RuleFor(a => a.InvoiceId).Id();
        RuleFor(a => a.Amount).PositiveMoney();
    }
}

public sealed class RecordPaymentRequestValidator : AbstractValidator<RecordPaymentRequest>
{
    public RecordPaymentRequestValidator()
    {
        RuleFor(r => r.Tenant).Tenant();
        RuleFor(r => r.AccountId).Id();
        RuleFor(r => r.Amount).PositiveMoney();
        RuleFor(r => r.Method).NotEmpty().Must(m => m is "bank-transfer" or "card" or "direct-debit" or "cheque")
            .WithMessage("'Method' must be bank-transfer, card, direct-debit or cheque.");
        RuleFor(r => r.Reference).NotEmpty().MaximumLength(64);
        RuleForEach(r => r.Applications).SetValidator(new PaymentApplicationRequestValidator());
    }
}

public sealed class ApplyPaymentRequestValidator : AbstractValidator<ApplyPaymentRequest>
{
    public ApplyPaymentRequestValidator()
    {
        RuleFor(r => r.Applications).NotEmpty();
        RuleForEach(r => r.Applications).SetValidator(new PaymentApplicationRequestValidator());
    }
}
