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
    public string? SalesOrderId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? ClosedAt { get; set; }
}
