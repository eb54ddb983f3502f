using ApiPlatform.Contracts.Finance;
using ApiPlatform.ServiceDefaults.Data;

namespace ApiPlatform.SystemApis.Finance.Data;

/// <summary>A recorded credit decision; an approved one commits its amount against the credit line until it is released.</summary>
public sealed class CreditAssessmentEntity : ITenantOwned
{
    public required string Id { get; init; }
    public required string Tenant { get; init; }
    public required string AccountId { get; init; }
    public required string IdempotencyKey { get; init; }
    public required string RequestedBy { get; init; }
    public required string Currency { get; init; }
    public decimal Amount { get; init; }
    public decimal CreditLimit { get; init; }
    public decimal OpenExposure { get; init; }
    public CreditDecision Decision { get; init; }
    public string? Reason { get; init; }
    public DateTimeOffset AssessedAt { get; init; }

    /// <summary>When the commitment ended (the order was undone, or its invoice now counts instead); null while it counts.</summary>
    public DateTimeOffset? ReleasedAt { get; set; }
}
