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
    public string? Industry { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The key of the create that made this record; a create with the same key finds it instead of adding another.</summary>
    public string? CreationKey { get; init; }
}
