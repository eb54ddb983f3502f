using ApiPlatform.Contracts.Erp;
using ApiPlatform.ServiceDefaults.Data;

namespace ApiPlatform.SystemApis.Erp.Data;

public sealed class ReservationEntity : ITenantOwned
{
    public required string Id { get; init; }
    public required string Tenant { get; init; }
    public required string Sku { get; init; }
    public required string Warehouse { get; init; }
    public decimal Quantity { get; init; }
    public ReservationStatus Status { get; set; }
    public string? SalesOrderId { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>The Idempotency-Key the reservation was made with, unique per tenant; null when none was given.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>SHA-256 of the create request, to tell a replay from a reused key.</summary>
    public string? RequestHash { get; init; }
}
