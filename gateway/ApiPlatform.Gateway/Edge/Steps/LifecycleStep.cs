using ApiPlatform.Gateway.Hardening;
using ApiPlatform.Gateway.Lifecycle;
using ApiPlatform.Gateway.Routing;

namespace ApiPlatform.Gateway.Edge.Steps;

/// <summary>
/// The version and its lifecycle: an unknown or draft version answers 404, a retired one 410 with its successor's link,
/// a deprecated one passes with <c>Deprecation</c>, <c>Sunset</c> and <c>Link</c>.
/// </summary>
internal sealed class LifecycleStep : IEdgeStep
{
    public ValueTask<bool> AdmitAsync(GatewayRequest request) =>
        LifecycleCheck.Check(request.Context, ((ApiRoutePolicy)request.Route).Lifecycle, request.Major, request.Now) is { } notServed
            ? EdgeSteps.Refuse(GatewayProblems.WriteAsync(request.Context, notServed))
            : ValueTask.FromResult(true);
}
