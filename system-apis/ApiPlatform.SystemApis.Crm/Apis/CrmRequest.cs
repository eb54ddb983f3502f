using System.Security.Claims;
using ApiPlatform.ServiceDefaults.Auth;
using ApiPlatform.SystemApis.Crm.Connectors;
using ApiPlatform.SystemApis.Crm.Events;
using ApiPlatform.VendorConnectors.Routing;

namespace ApiPlatform.SystemApis.Crm.Apis;

/// <summary>What every crm handler needs: the caller, the connector router, the change feed and the clock.</summary>
public sealed record CrmRequest(ClaimsPrincipal User, ConnectorRouter<ICrmConnector> Connectors, CrmChangeFeed Changes, TimeProvider Time)
{
    /// <summary>The connector of the tenant the request is about (see <see cref="TenantScope"/>), and that tenant.</summary>
    public (ICrmConnector Connector, string? Tenant) For(string? tenant)
    {
        var resolved = TenantScope.Resolve(User, tenant);
        return (Connectors.For(resolved), resolved);
    }

    public string CreationKeyFor(string? idempotencyKey) => CreationKey.For(User.GetClientId() ?? "unknown", idempotencyKey);
}
