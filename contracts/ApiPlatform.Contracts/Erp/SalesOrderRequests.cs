using FluentValidation;

namespace ApiPlatform.Contracts.Erp;

public sealed record CancelSalesOrderRequest(string Reason);

/// <summary>Ships the open quantities of an order from one warehouse.</summary>
public sealed record FulfilSalesOrderRequest(string? Warehouse, string? Carrier, string? TrackingNumber);

public sealed class CancelSalesOrderRequestValidator : AbstractValidator<CancelSalesOrderRequest>
{
    public CancelSalesOrderRequestValidator() => RuleFor(r => r.Reason).NotEmpty().MaximumLength(500);
}

public sealed class FulfilSalesOrderRequestValidator : AbstractValidator<FulfilSalesOrderRequest>
{
    public FulfilSalesOrderRequestValidator()
    {
        RuleFor(r => r.Warehouse).MaximumLength(16);
        RuleFor(r => r.Carrier).MaximumLength(64);
        RuleFor(r => r.TrackingNumber).MaximumLength(64);
    }
}
