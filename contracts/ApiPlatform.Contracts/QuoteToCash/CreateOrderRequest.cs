using FluentValidation;

namespace ApiPlatform.Contracts.QuoteToCash;

/// <summary>Orders an approved quote. <c>ShipTo</c> overrides the ERP customer's address for tax and delivery.</summary>
public sealed record CreateOrderRequest(string QuoteId, Address? ShipTo = null);

public sealed class CreateOrderRequestValidator : AbstractValidator<CreateOrderRequest>
{
    public CreateOrderRequestValidator()
    {
        RuleFor(r => r.QuoteId).NotEmpty().MaximumLength(64);
        RuleFor(r => r.ShipTo!).SetValidator(new AddressValidator()).When(r => r.ShipTo is not null);
    }
}
