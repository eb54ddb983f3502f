using ApiPlatform.Gateway.Hardening;

namespace ApiPlatform.Gateway.Edge.Steps;

/// <summary>
/// The route's body limit: a declared length above it answers 413 at once; a chunked body is cut off by Kestrel at the
/// limit, which the proxy's error mapping and the idempotency check also answer with 413.
/// </summary>
internal sealed class BodyLimitStep : IEdgeStep
{
    public ValueTask<bool> AdmitAsync(GatewayRequest request) =>
        BodyLimit.Apply(request.Context, request.Route) is { } tooLarge
            ? EdgeSteps.Refuse(GatewayProblems.WriteAsync(request.Context, tooLarge))
            : ValueTask.FromResult(true);
}
