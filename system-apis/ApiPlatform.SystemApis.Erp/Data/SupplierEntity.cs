using ApiPlatform.ServiceDefaults.Data;

namespace ApiPlatform.SystemApis.Erp.Data;

public sealed class SupplierEntity : ITenantOwned
{
    public required string Id { get; init; }
    public required string Tenant { get; init; }
    public required string Number { get; init; }
    public required string Name { get; set; }
    public required string Country { get; set; }
    public required string Currency { get; set; }
    public int PaymentTermsDays { get; set; }
}
