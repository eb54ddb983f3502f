using ApiPlatform.Contracts.Erp;
using ApiPlatform.ServiceDefaults.Data;

namespace ApiPlatform.SystemApis.Erp.Data;

public sealed class SalesOrderEntity : ITenantOwned
{
    public required string Id { get; init; }
    public required string Tenant { get; init; }
    public required string Number { get; init; }
    public required string CustomerAccountId { get; init; }
    public string? QuoteId { get; init; }
    public SalesOrderStatus Status { get; set; }
    public required string Currency { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string CreatedBy { get; init; }
    public required string IdempotencyKey { get; init; }

    /// <summary>SHA-256 of the create request, to tell a replay from a reused key.</summary>
    public required string RequestHash { get; init; }

    public string? CancellationReason { get; set; }

    public List<SalesOrderLineEntity> Lines { get; init; } = [];
}
