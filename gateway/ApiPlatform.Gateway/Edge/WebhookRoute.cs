using ApiPlatform.Catalog;
using ApiPlatform.Gateway.RateLimiting;
using ApiPlatform.Gateway.Routing;

namespace ApiPlatform.Gateway.Edge;

/// <summary>One catalog webhook's edge policy: its body limit and its rate limit per source address.</summary>
internal sealed class WebhookRoute(ApiDefinition api, WebhookDefinition webhook, GatewayOptions gateway, RateLimitingOptions limiting) : EdgeRoute
{
    public string RouteId { get; } = WebhookRoutes.RouteId(api, webhook);

    public override string? Api { get; } = api.Name;

    public override string Upstream { get; } = $"{api.Name} API";

    public override long BodyLimitBytes { get; } = webhook.BodyLimitBytes;

    public override string BodyLimitSubject => $"{RouteId} webhook";

    public override SourceLimit SourceLimit { get; } = new(WebhookRoutes.RouteId(api, webhook),
        new RateLimitPolicy("webhook", webhook.RateLimit.Requests, webhook.RateLimit.WindowSeconds, webhook.RateLimit.Burst,
            gateway.ReplicaCount, limiting.MaxBatch),
        $"The {WebhookRoutes.RouteId(api, webhook)} webhook allows {webhook.RateLimit.Requests} requests per {webhook.RateLimit.WindowSeconds} s from one address");
}
