using FluentValidation;

namespace ApiPlatform.Contracts.QuoteToCash;

public sealed record CreateOrderRequest(string QuoteId);

public sealed class CreateOrderRequestValidator : AbstractValidator<CreateOrderRequest>
{
    public CreateOrderRequestValidator() => RuleFor(r => r.QuoteId).NotEmpty().MaximumLength(64);
}
