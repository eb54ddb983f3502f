using ApiPlatform.Gateway.Hardening;
using ApiPlatform.Gateway.RateLimiting;

namespace ApiPlatform.Gateway.Edge.Steps;

/// <summary>
/// Sign-in form posts (<c>POST /connect/signin</c>) spend a tighter limit per source address of their own: every one is a
/// password guess, whichever account it names. The identity server limits failures per account besides.
/// </summary>
internal sealed class SignInLimitStep(GatewayRateLimiter limiter) : IEdgeStep
{
    public ValueTask<bool> AdmitAsync(GatewayRequest request) =>
        request.Route is TokenEndpointRoute token && HttpMethods.IsPost(request.Context.Request.Method)
            && request.Context.Request.Path.Equals(TokenEndpointRoute.SignInPath, StringComparison.OrdinalIgnoreCase)
            ? EdgeSteps.LimitSourceAsync(limiter, request, token.SignInLimit)
            : ValueTask.FromResult(true);
}
