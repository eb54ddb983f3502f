using ApiPlatform.Contracts;
using FluentValidation;

namespace ApiPlatform.ProcessApis.ProcureToPay.Apis;

public sealed record CreateRequisition(string Description, string SupplierId, Money Amount);

public sealed record Requisition(string Id, string Description, string SupplierId, Money Amount, string Status, string RequestedBy, DateTimeOffset CreatedAt);

public sealed class CreateRequisitionValidator : AbstractValidator<CreateRequisition>
{
    public CreateRequisitionValidator()
    {
        RuleFor(r => r.Description).NotEmpty().MaximumLength(500);
        RuleFor(r => r.SupplierId).NotEmpty().MaximumLength(64);
        RuleFor(r => r.Amount).NotNull().SetValidator(new MoneyValidator());
        RuleFor(r => r.Amount.Amount).GreaterThan(0).When(r => r.Amount is not null).OverridePropertyName("Amount.Amount");
    }
}
