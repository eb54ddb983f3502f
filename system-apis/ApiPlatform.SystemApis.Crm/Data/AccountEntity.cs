using ApiPlatform.ServiceDefaults.Data;

namespace ApiPlatform.SystemApis.Crm.Data;

public sealed class AccountEntity : ITenantOwned
{
    public required string Id { get; init; }
    public required string Tenant { get; init; }
    public required string Name { get; set; }
    public string? ParentAccountId { get; set; }
    public required string Country { get; set; }
    public required string Currency { get; set; }
}
