using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ApiPlatform.VendorConnectors.Routing;

/// <summary>The connector of <typeparamref name="TConnector"/> that serves a tenant, as configuration chooses it.</summary>
public sealed class ConnectorRouter<TConnector>(IServiceProvider services, IOptionsMonitor<ConnectorRoutingOptions> routing, string section)
    where TConnector : class
{
    public TConnector For(string? tenant) => services.GetRequiredKeyedService<TConnector>(routing.Get(section).KindFor(tenant));

    /// <summary>The kind (<c>embedded</c>, <c>salesforce</c>…) that serves a tenant.</summary>
    public string KindFor(string? tenant) => routing.Get(section).KindFor(tenant);
}
