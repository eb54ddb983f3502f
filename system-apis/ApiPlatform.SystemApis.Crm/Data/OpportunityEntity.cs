using ApiPlatform.Contracts.Crm;
using ApiPlatform.ServiceDefaults.Data;

namespace ApiPlatform.SystemApis.Crm.Data;

public sealed class OpportunityEntity : ITenantOwned
{
    public required string Id { get; init; }
    public required string Tenant { get; init; }
    public required string AccountId { get; set; }
    public required string Name { get; set; }
    public OpportunityStage Stage { get; set; }
    public decimal Amount { get; set; }
    public required string Currency { get; set; }
    public DateOnly CloseDate { get; set; }
    public string? CreationKey { get; init; }
}
