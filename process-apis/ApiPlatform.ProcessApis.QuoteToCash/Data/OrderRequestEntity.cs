using ApiPlatform.Contracts.QuoteToCash;
using ApiPlatform.ServiceDefaults.Data;

namespace ApiPlatform.ProcessApis.QuoteToCash.Data;

/// <summary>One quote-to-cash instance, persisted before and after each step's side effect.</summary>
public sealed class OrderRequestEntity : ITenantOwned
{
    public required string Id { get; init; }
    public required string Tenant { get; init; }
    public required string QuoteId { get; init; }
    public required string RequestedBy { get; init; }
    public string? IdempotencyKey { get; init; }
    public OrderRequestState Status { get; set; }
    public string? Reason { get; set; }
    public string? SalesOrderId { get; set; }
    public decimal? TotalAmount { get; set; }
    public string? Currency { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<OrderRequestStepEntity> Steps { get; init; } = [];
}
