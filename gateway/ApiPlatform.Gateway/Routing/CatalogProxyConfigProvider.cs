using ApiPlatform.Catalog;
using ApiPlatform.ServiceDefaults.Auth;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Configuration;

namespace ApiPlatform.Gateway.Routing;

/// <summary>Feeds YARP the routes and clusters generated from the API catalog; there are no hand-written API routes.</summary>
internal sealed class CatalogProxyConfigProvider(
    ApiCatalog catalog, IOptions<GatewayOptions> gateway, IOptions<AuthOptions> auth, IOptions<DestinationHealthOptions> health)
    : IProxyConfigProvider
{
    private readonly IProxyConfig config = GatewayRoutes.Build(catalog, gateway.Value, auth.Value, health.Value);

    public IProxyConfig GetConfig() => config;
}
