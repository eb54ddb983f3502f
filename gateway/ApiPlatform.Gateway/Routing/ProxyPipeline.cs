using ApiPlatform.Catalog;
using ApiPlatform.Gateway.AdminAudit;
using ApiPlatform.Gateway.Hardening;
using ApiPlatform.Gateway.Idempotency;
using ApiPlatform.Gateway.Lifecycle;
using ApiPlatform.Gateway.RateLimiting;
using ApiPlatform.Gateway.Usage;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Gateway.Routing;

internal static class ProxyPipeline
{
    /// <summary>
    /// Maps the routes generated from the catalog with the per-request policies in their pipeline, and attaches each
    /// API's precomputed lifecycle and policies to its route (which <see cref="ApiPolicyMiddleware"/> enforces before
    /// the proxy pipeline runs).
    /// </summary>
    public static void MapCatalogProxy(this WebApplication app)
    {
        // Resolving the registry loads and validates the catalog now, so a bad catalog stops the start.
        var lifecycles = app.Services.GetRequiredService<ApiLifecycleRegistry>();
        var catalog = app.Services.GetRequiredService<ApiCatalog>();
        var gateway = app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value;
        var limiting = app.Services.GetRequiredService<IOptions<RateLimitingOptions>>().Value;
        var policies = catalog.Apis.ToDictionary(api => api.Name,
            api => new ApiRoutePolicy(api, lifecycles.Find(api.Name) ?? throw new InvalidOperationException($"No lifecycle for the {api.Name} API."),
                gateway, limiting),
            StringComparer.Ordinal);

        app.MapReverseProxy(proxy =>
            {
                // API routes are answered by ApiPolicyMiddleware first; this covers the token server and webhook routes.
                // Synchronous on the common path: no state machine per proxied request.
                proxy.Use((context, next) =>
                    ForwardableMethods.IsForwardable(context.Request.Method) ? next(context) : ForwardableMethods.RefuseAsync(context));
                proxy.UseMiddleware<WebhookIngressMiddleware>();
                proxy.UseMiddleware<TokenEndpointLimitMiddleware>();
                proxy.UseMiddleware<OperationsAuditMiddleware>();
                proxy.UseMiddleware<IdempotencyMiddleware>();
                proxy.UseMiddleware<ProxyErrorMiddleware>();
                proxy.UseMiddleware<SafeRetryMiddleware>();
                proxy.UseSessionAffinity();
                proxy.UseLoadBalancing();
                proxy.UsePassiveHealthChecks();
            })
            .ConfigureEndpoints((endpoint, route) =>
            {
                if (route.Metadata?.GetValueOrDefault(GatewayRoutes.ApiMetadataKey) is { } api && lifecycles.Find(api) is { } lifecycle)
                {
                    endpoint.WithMetadata(lifecycle, policies[api]);
                }
            });
    }
}
