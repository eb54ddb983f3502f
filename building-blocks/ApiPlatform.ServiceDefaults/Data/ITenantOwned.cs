namespace ApiPlatform.ServiceDefaults.Data;

/// <summary>A record that belongs to one tenant: partners see only their own.</summary>
public interface ITenantOwned
{
    string Tenant { get; }
}
