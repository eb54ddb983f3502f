using ApiPlatform.Gateway.Hardening;

namespace ApiPlatform.Gateway.Edge;

/// <summary>A policy around the forwarding of a request that passed every step (idempotency: run once, replay after).</summary>
internal interface IEdgeForwarding
{
    /// <param name="forward">The route's proxy pipeline, which forwards the request upstream.</param>
    Task ForwardAsync(GatewayRequest request, RequestDelegate forward);
}
