using ApiPlatform.Catalog;
using ApiPlatform.Gateway.AdminAudit;
using ApiPlatform.Gateway.Edge;
using ApiPlatform.Gateway.Lifecycle;
using ApiPlatform.Gateway.RateLimiting;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Gateway.Routing;

internal static class ProxyPipeline
{
    /// <summary>
    /// Maps the routes generated from the catalog with the per-request policies in their pipeline, and attaches to each
    /// route its precomputed <see cref="EdgeRoute"/> (API, operations, webhook, token endpoint or discovery) (which <see cref="EdgePolicyMiddleware"/>
    /// enforces before the proxy pipeline runs).
    /// </summary>
    public static void MapCatalogProxy(this WebApplication app)
    {
        // Resolving the registry loads and validates the catalog now, so a bad catalog stops the start.
        var lifecycles = app.Services.GetRequiredService<ApiLifecycleRegistry>();
        var catalog = app.Services.GetRequiredService<ApiCatalog>();
        var gateway = app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value;
        var limiting = app.Services.GetRequiredService<IOptions<RateLimitingOptions>>().Value;
        var tokenEndpoint = app.Services.GetRequiredService<IOptions<TokenEndpointOptions>>().Value;
        var pipelines = new EdgePipelines(app.Services);
        var edgeRoutes = new Dictionary<string, EdgeRoute>(StringComparer.Ordinal)
        {
            [GatewayRoutes.ConnectRouteId] = new TokenEndpointRoute(
                tokenEndpoint, gateway, limiting) { Pipeline = pipelines.TokenEndpoint },
            [GatewayRoutes.DiscoveryRouteId] = new DiscoveryRoute(tokenEndpoint.BodyLimitBytes) { Pipeline = pipelines.Discovery },
        };
        foreach (var api in catalog.Apis)
        {
            var lifecycle = lifecycles.Find(api.Name) ?? throw new InvalidOperationException($"No lifecycle for the {api.Name} API.");
            edgeRoutes[GatewayRoutes.ApiRouteId(api)] = new ApiRoutePolicy(api, lifecycle, gateway, limiting) { Pipeline = pipelines.Api };
            foreach (var path in GatewayRoutes.OperationsPaths)
            {
                edgeRoutes[GatewayRoutes.OperationsRouteId(api, path)] = new OperationsRoute(api) { Pipeline = pipelines.Operations };
            }
            foreach (var webhook in api.Webhooks)
            {
                edgeRoutes[WebhookRoutes.RouteId(api, webhook)] = new WebhookRoute(api, webhook, gateway, limiting) { Pipeline = pipelines.Webhook };
            }
        }

        app.MapReverseProxy(proxy =>
            {
                // Every proxied route passed its edge pipeline (EdgePipelines) before it got here.
                proxy.UseMiddleware<OperationsAuditMiddleware>();
                proxy.UseMiddleware<SafeRetryMiddleware>();
                proxy.UseSessionAffinity();
                proxy.UseLoadBalancing();
                proxy.UsePassiveHealthChecks();
            })
            .ConfigureEndpoints((endpoint, route) =>
            {
                // A proxied route without its edge pipeline would skip every policy: refuse to start instead.
                endpoint.WithMetadata(edgeRoutes.TryGetValue(route.RouteId, out var edge)
                    ? edge
                    : throw new InvalidOperationException($"The proxied route {route.RouteId} has no edge pipeline."));
            });
    }
}
