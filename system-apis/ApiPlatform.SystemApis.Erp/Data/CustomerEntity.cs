using ApiPlatform.ServiceDefaults.Data;

namespace ApiPlatform.SystemApis.Erp.Data;

public sealed class CustomerEntity : ITenantOwned
{
    public required string Id { get; init; }
    public required string Tenant { get; init; }
    public required string Number { get; init; }
    public required string CrmAccountId { get; init; }
    public required string Name { get; set; }
    public required string Country { get; set; }
    public required string Currency { get; set; }
    public string? Line1 { get; set; }
    public string? Line2 { get; set; }
    public string? City { get; set; }
    public string? PostalCode { get; set; }
    public string? Region { get; set; }
    public bool Blocked { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
