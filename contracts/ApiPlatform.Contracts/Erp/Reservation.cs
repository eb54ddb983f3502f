using FluentValidation;

namespace ApiPlatform.Contracts.Erp;

/// <summary>Stock held for a tenant until it is consumed, released, or its hold time runs out.</summary>
public sealed record Reservation(
    string Id,
    string Tenant,
    string Sku,
    string Warehouse,
    decimal Quantity,
    ReservationStatus Status,
    string? SalesOrderId,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? ClosedAt,
    SourceReference Source);

public sealed record CreateReservationRequest(string Tenant, string Sku, string? Warehouse, decimal Quantity, string? SalesOrderId, int? HoldMinutes);

public sealed class CreateReservationRequestValidator : AbstractValidator<CreateReservationRequest>
{
    public CreateReservationRequestValidator()
    {
        RuleFor(r => r.Tenant).Tenant();
        RuleFor(r => r.Sku).NotEmpty().MaximumLength(64);
        RuleFor(r => r.Warehouse).MaximumLength(16);
        RuleFor(r => r.Quantity).GreaterThan(0).LessThanOrEqualTo(1_000_000).PrecisionScale(18, 4, ignoreTrailingZeros: true);
        RuleFor(r => r.SalesOrderId).MaximumLength(64);
        RuleFor(r => r.HoldMinutes).InclusiveBetween(1, 7 * 24 * 60);
    }
}
