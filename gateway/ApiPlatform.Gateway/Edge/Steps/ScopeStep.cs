using ApiPlatform.Gateway.Hardening;
using ApiPlatform.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Authentication;

namespace ApiPlatform.Gateway.Edge.Steps;

/// <summary>
/// 403 for a caller without the route's scope (an API's, or <c>platform:admin</c> for operations), before anything about an
/// API's versions is checked: the caller learns nothing of them.
/// </summary>
internal sealed class ScopeStep : IEdgeStep
{
    public ValueTask<bool> AdmitAsync(GatewayRequest request) =>
        request.Route.Scope is not { } scope || request.Context.User.HasScope(scope)
            ? ValueTask.FromResult(true)
            : EdgeSteps.Refuse(request.Context.ForbidAsync());
}
