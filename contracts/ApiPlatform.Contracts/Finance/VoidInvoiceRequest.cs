using FluentValidation;

namespace ApiPlatform.Contracts.Finance;

public sealed record VoidInvoiceRequest(string Reason);

public sealed class VoidInvoiceRequestValidator : AbstractValidator<VoidInvoiceRequest>
{
    public VoidInvoiceRequestValidator() => RuleFor(r => r.Reason).NotEmpty().MaximumLength(500);
}
