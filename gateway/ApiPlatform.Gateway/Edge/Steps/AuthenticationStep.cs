using ApiPlatform.Gateway.Hardening;
using ApiPlatform.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Authentication;

namespace ApiPlatform.Gateway.Edge.Steps;

/// <summary>
/// 401 without a valid bearer token, challenged as JwtBearer does. A token validated before is read from
/// <see cref="TokenValidationCache"/> (no allocation); any other goes through JwtBearer, which validates it and fills the cache.
/// </summary>
internal sealed class AuthenticationStep(TokenValidationCache tokens) : IEdgeStep
{
    public ValueTask<bool> AdmitAsync(GatewayRequest request)
    {
        var context = request.Context;
        if (tokens.FindBearer(context.Request.Headers.Authorization.ToString()) is { } user)
        {
            request.Authenticated(user);
            return ValueTask.FromResult(true);
        }
        return AuthenticateAsync(request);
    }

    private static async ValueTask<bool> AuthenticateAsync(GatewayRequest request)
    {
        var result = await request.Context.AuthenticateAsync();
        if (!result.Succeeded)
        {
            await request.Context.ChallengeAsync();
            return false;
        }
        request.Authenticated(result.Principal);
        return true;
    }
}
