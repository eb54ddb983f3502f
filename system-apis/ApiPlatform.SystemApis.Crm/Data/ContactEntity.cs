using ApiPlatform.ServiceDefaults.Data;

namespace ApiPlatform.SystemApis.Crm.Data;

public sealed class ContactEntity : ITenantOwned
{
    public required string Id { get; init; }
    public required string Tenant { get; init; }
    public string? AccountId { get; set; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Title { get; set; }
    public string? CreationKey { get; init; }
}
