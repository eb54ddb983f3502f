using ApiPlatform.Gateway.Hardening;

namespace ApiPlatform.Gateway.Edge.Steps;

/// <summary>405 with <c>Allow</c> for a method the gateway does not forward (CONNECT, TRACE, a made-up one).</summary>
internal sealed class ForwardableMethodStep : IEdgeStep
{
    public ValueTask<bool> AdmitAsync(GatewayRequest request) =>
        ForwardableMethods.IsForwardable(request.Context.Request.Method)
            ? ValueTask.FromResult(true)
            : EdgeSteps.Refuse(ForwardableMethods.RefuseAsync(request.Context));
}
