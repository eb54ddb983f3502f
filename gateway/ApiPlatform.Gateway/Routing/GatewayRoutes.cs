using ApiPlatform.Catalog;
using ApiPlatform.ServiceDefaults.Auth;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Transforms;

namespace ApiPlatform.Gateway.Routing;

/// <summary>
/// Per API one route <c>/{tier}/{api}/{**rest}</c> forwarding <c>/v{major}/{rest}</c> (the lifecycle middleware
/// checks the version) and one cluster; plus the anonymous routes to the token server.
/// </summary>
internal static class GatewayRoutes
{
    /// <summary>Route metadata key holding the api name.</summary>
    public const string ApiMetadataKey = "api";
    public const string IdentityClusterId = "identity";
    private const string ForwardedPrefixHeader = "X-Forwarded-Prefix";

    public static CatalogProxyConfig Build(ApiCatalog catalog, GatewayOptions gateway, AuthOptions auth)
    {
        List<RouteConfig> routes = [IdentityRoute("identity-connect", "/connect/{**rest}"), IdentityRoute("identity-discovery", "/.well-known/{**rest}")];
        List<ClusterConfig> clusters = [Cluster(IdentityClusterId, auth.Authority, gateway.IdentityTimeout)];
        foreach (var api in catalog.Apis)
        {
            routes.Add(ApiRoute(api));
            clusters.Add(Cluster(ClusterId(api), UpstreamOf(api, gateway), TimeSpan.FromSeconds(api.Policies.TimeoutSeconds)));
        }
        return new CatalogProxyConfig(routes, clusters);
    }

    private static string ClusterId(ApiDefinition api) => $"api-{api.Name}";

    private static string UpstreamOf(ApiDefinition api, GatewayOptions gateway) =>
        gateway.Upstreams.FirstOrDefault(u => string.Equals(u.Key, api.Name, StringComparison.OrdinalIgnoreCase)).Value ?? api.Upstream;

    private static RouteConfig ApiRoute(ApiDefinition api) =>
        new RouteConfig
        {
            RouteId = $"api-{api.Name}",
            ClusterId = ClusterId(api),
            AuthorizationPolicy = api.Scope,
            Match = new RouteMatch { Path = $"{api.PathPrefix}/{{**rest}}" },
            Metadata = new Dictionary<string, string> { [ApiMetadataKey] = api.Name },
        }
        .WithTransformPathRemovePrefix(api.PathPrefix)
        // The stripped prefix goes upstream as X-Forwarded-Prefix so services can build public links.
        .WithTransformXForwarded(xPrefix: ForwardedTransformActions.Off)
        .WithTransformRequestHeader(ForwardedPrefixHeader, api.PathPrefix, append: false);

    private static RouteConfig IdentityRoute(string id, string path) => new()
    {
        RouteId = id,
        ClusterId = IdentityClusterId,
        AuthorizationPolicy = "anonymous",
        Match = new RouteMatch { Path = path },
    };

    private static ClusterConfig Cluster(string id, string address, TimeSpan timeout) => new()
    {
        ClusterId = id,
        Destinations = new Dictionary<string, DestinationConfig> { ["primary"] = new() { Address = address } },
        HttpRequest = new ForwarderRequestConfig { ActivityTimeout = timeout },
    };
}
