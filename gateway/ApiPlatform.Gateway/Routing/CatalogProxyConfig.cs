using Microsoft.Extensions.Primitives;
using Yarp.ReverseProxy.Configuration;

namespace ApiPlatform.Gateway.Routing;

/// <summary>The routes and clusters generated from one catalog; the catalog does not change while it is loaded.</summary>
internal sealed class CatalogProxyConfig(IReadOnlyList<RouteConfig> routes, IReadOnlyList<ClusterConfig> clusters) : IProxyConfig
{
    public IReadOnlyList<RouteConfig> Routes { get; } = routes;
    public IReadOnlyList<ClusterConfig> Clusters { get; } = clusters;
    public IChangeToken ChangeToken { get; } = new CancellationChangeToken(CancellationToken.None);
}
