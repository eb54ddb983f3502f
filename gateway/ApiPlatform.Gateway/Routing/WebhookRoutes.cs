using ApiPlatform.Catalog;
using Yarp.ReverseProxy.Configuration;

namespace ApiPlatform.Gateway.Routing;

/// <summary>
/// The catalog's webhooks: per webhook one route at its own path (e.g. <c>/webhooks/stripe/{tenant}</c>), POST only and
/// anonymous, forwarded unchanged, at the same path, to its API's cluster. Vendors carry no platform token: the upstream
/// verifies their signature of the raw body. Their edge pipeline (<see cref="Edge.EdgePipelines.Webhook"/>) applies the body limit, the rate
/// limit per source address and the audit record; no version, lifecycle, plan or idempotency applies.
/// </summary>
internal static class WebhookRoutes
{
    public static IEnumerable<RouteConfig> Of(ApiDefinition api) => api.Webhooks.Select(webhook => new RouteConfig
    {
        RouteId = RouteId(api, webhook),
        ClusterId = GatewayRoutes.ClusterId(api),
        AuthorizationPolicy = "anonymous",
        Match = new RouteMatch { Path = webhook.Path, Methods = [HttpMethods.Post] },
    });

    public static string RouteId(ApiDefinition api, WebhookDefinition webhook) => $"webhook-{api.Name}-{webhook.Name}";
}
