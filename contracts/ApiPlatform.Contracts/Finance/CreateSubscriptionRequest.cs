using FluentValidation;

namespace ApiPlatform.Contracts.Finance;

public sealed record CreateSubscriptionRequest(string Tenant, string CustomerId, string PriceId, decimal Quantity);

public sealed class CreateSubscriptionRequestValidator : AbstractValidator<CreateSubscriptionRequest>
{
    public CreateSubscriptionRequestValidator()
    {
        RuleFor(r => r.Tenant).Tenant();
        RuleFor(r => r.CustomerId).Id();
        RuleFor(r => r.PriceId).Id();
        RuleFor(r => r.Quantity).GreaterThan(0).LessThanOrEqualTo(10_000);
    }
}
