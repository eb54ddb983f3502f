using ApiPlatform.Catalog;
using ApiPlatform.ServiceDefaults.Auth;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Transforms;

namespace ApiPlatform.Gateway.Routing;

/// <summary>
/// Per API one route <c>/{tier}/{api}/{**rest}</c> forwarding <c>/v{major}/{rest}</c> (the lifecycle middleware
/// checks the version), one route to its operations endpoints for platform admins, and one cluster with active and
/// passive health checks; plus the anonymous routes to the token server.
/// </summary>
internal static class GatewayRoutes
{
    public const string IdentityClusterId = "identity";

    /// <summary>The route of the token server's <c>/connect/*</c> endpoints, limited per source address.</summary>
    public const string ConnectRouteId = "identity-connect";
    public const string DiscoveryRouteId = "identity-discovery";
    private const string ForwardedPrefixHeader = "X-Forwarded-Prefix";

    public static CatalogProxyConfig Build(ApiCatalog catalog, GatewayOptions gateway, AuthOptions auth, DestinationHealthOptions health)
    {
        List<RouteConfig> routes = [IdentityRoute(ConnectRouteId, "/connect/{**rest}"), IdentityRoute(DiscoveryRouteId, "/.well-known/{**rest}")];
        List<ClusterConfig> clusters = [Cluster(IdentityClusterId, [auth.Authority], gateway.IdentityTimeout, health)];
        foreach (var api in catalog.Apis)
        {
            routes.Add(ApiRoute(api));
            routes.AddRange(OperationsPaths.Select(path => OperationsRoute(api, path)));
            routes.AddRange(WebhookRoutes.Of(api));
            clusters.Add(Cluster(ClusterId(api), UpstreamsOf(api, gateway), TimeSpan.FromSeconds(api.Policies.TimeoutSeconds), health));
        }
        return new CatalogProxyConfig(routes, clusters);
    }

    public static string ClusterId(ApiDefinition api) => $"api-{api.Name}";

    public static string ApiRouteId(ApiDefinition api) => $"api-{api.Name}";

    private static string[] UpstreamsOf(ApiDefinition api, GatewayOptions gateway) =>
        (gateway.Upstreams.FirstOrDefault(u => string.Equals(u.Key, api.Name, StringComparison.OrdinalIgnoreCase)).Value ?? api.Upstream)
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static RouteConfig ApiRoute(ApiDefinition api) =>
        new RouteConfig
        {
            RouteId = ApiRouteId(api),
            ClusterId = ClusterId(api),
            AuthorizationPolicy = api.Scope,
            Match = new RouteMatch { Path = $"{api.PathPrefix}/{{**rest}}" },
            Metadata = new Dictionary<string, string> { [PathPrefixMetadataKey] = api.PathPrefix },
        }
        .WithTransformPathRemovePrefix(api.PathPrefix)
        // The stripped prefix goes upstream as X-Forwarded-Prefix so services can build public links.
        .WithTransformXForwarded(xPrefix: ForwardedTransformActions.Off)
        .WithTransformRequestHeader(ForwardedPrefixHeader, api.PathPrefix, append: false);

    /// <summary>
    /// Each service's operations endpoints (dead letters and replay at <c>/messaging/…</c>, workflow instances at
    /// <c>/workflows/…</c>) at <c>/{tier}/{api}/{path}/…</c>, for <c>platform:admin</c> only; no version, lifecycle, plan
    /// or idempotency applies to them.
    /// </summary>
    private static RouteConfig OperationsRoute(ApiDefinition api, string path) =>
        new RouteConfig
        {
            RouteId = OperationsRouteId(api, path),
            ClusterId = ClusterId(api),
            AuthorizationPolicy = PlatformPolicies.Admin,
            Match = new RouteMatch { Path = $"{api.PathPrefix}{path}/{{**rest}}" },
            Metadata = new Dictionary<string, string> { [PathPrefixMetadataKey] = api.PathPrefix, [OperationsApiMetadataKey] = api.Name },
        }
        .WithTransformPathRemovePrefix(api.PathPrefix);

    public static string OperationsRouteId(ApiDefinition api, string path) => $"operations-{api.Name}{path.Replace('/', '-')}";

    /// <summary>Route metadata key holding the api name of an operations route, whose changes the admin audit records.</summary>
    public const string OperationsApiMetadataKey = "operations-api";

    public static readonly string[] OperationsPaths = ["/messaging", "/workflows"];

    /// <summary>Route metadata key holding the public path prefix <c>/{tier}/{api}</c> that the route strips.</summary>
    public const string PathPrefixMetadataKey = "path-prefix";

    private static RouteConfig IdentityRoute(string id, string path) => new()
    {
        RouteId = id,
        ClusterId = IdentityClusterId,
        AuthorizationPolicy = "anonymous",
        Match = new RouteMatch { Path = path },
    };

    private static ClusterConfig Cluster(string id, string[] addresses, TimeSpan timeout, DestinationHealthOptions health) => new()
    {
        ClusterId = id,
        Destinations = addresses.Select((address, index) => (address, index))
            .ToDictionary(d => d.index == 0 ? "primary" : $"destination-{d.index}", d => new DestinationConfig { Address = d.address }),
        HttpRequest = new ForwarderRequestConfig { ActivityTimeout = timeout },
        LoadBalancingPolicy = health.LoadBalancingPolicy,
        HealthCheck = new HealthCheckConfig
        {
            // With every destination unhealthy, try them all anyway rather than refuse without trying.
            AvailableDestinationsPolicy = HealthCheckConstants.AvailableDestinations.HealthyOrPanic,
            Active = new ActiveHealthCheckConfig
            {
                Enabled = health.ActiveEnabled,
                Interval = health.ActiveInterval,
                Timeout = health.ActiveTimeout,
                Path = health.ActivePath,
                Policy = HealthCheckConstants.ActivePolicy.ConsecutiveFailures,
            },
            Passive = new PassiveHealthCheckConfig
            {
                Enabled = true,
                Policy = HealthCheckConstants.PassivePolicy.TransportFailureRate,
                ReactivationPeriod = health.PassiveReactivationPeriod,
            },
        },
    };
}
