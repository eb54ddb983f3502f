using System.Security.Claims;
using ApiPlatform.ServiceDefaults.Auth;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.SystemApis.Erp.Connectors;
using ApiPlatform.SystemApis.Erp.Events;
using ApiPlatform.VendorConnectors.Routing;

namespace ApiPlatform.SystemApis.Erp.Apis;

/// <summary>
/// What every erp handler needs: the caller, the connector router and the change feed. Handlers reach the store only
/// through a connector or a service of the embedded ERP (procurement, inventory, fulfilment, pricing).
/// </summary>
public sealed record ErpRequest(ClaimsPrincipal User, ConnectorRouter<IErpConnector> Connectors, ErpChangeFeed Changes)
{
    public (IErpConnector Connector, string? Tenant) For(string? tenant)
    {
        var resolved = TenantScope.Resolve(User, tenant);
        return (Connectors.For(resolved), resolved);
    }

    public string Client => User.GetClientId() ?? "unknown";

    /// <summary>The tenant, for the operations only the embedded ERP offers (stock, reservations, fulfilment, procurement).</summary>
    public string? EmbeddedTenant(string? tenant)
    {
        var resolved = TenantScope.Resolve(User, tenant);
        var kind = Connectors.KindFor(resolved);
        return kind == ConnectorRoutingOptions.Embedded
            ? resolved
            : throw new ProblemException(501, ProblemTypes.NotSupported, $"Not supported by {kind}",
                $"This operation is offered by the embedded ERP; tenant '{resolved}' is served by {kind}.");
    }
}
