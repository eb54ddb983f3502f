using ApiPlatform.Gateway.Hardening;

namespace ApiPlatform.Gateway.Edge;

/// <summary>
/// One policy of the edge, applied before a request goes upstream (<see cref="EdgePipelines"/> orders them per kind of route).
/// </summary>
internal interface IEdgeStep
{
    /// <summary>
    /// True to let the request go on to the next step; false once the step has answered it (a problem, a challenge).
    /// Completes synchronously whenever the step needs no I/O, so the common path allocates nothing.
    /// </summary>
    ValueTask<bool> AdmitAsync(GatewayRequest request);
}
