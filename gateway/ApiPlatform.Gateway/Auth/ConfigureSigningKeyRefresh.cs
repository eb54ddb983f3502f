using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ApiPlatform.Gateway.Auth;

/// <summary>
/// A token refused only because its signing key is unknown is validated once more against freshly fetched keys, so a
/// signing-key rotation at the token server causes no 401 for valid tokens. Forged kids stay refused.
/// </summary>
internal sealed class ConfigureSigningKeyRefresh(SigningKeyRefresher refresher) : IPostConfigureOptions<JwtBearerOptions>
{
    public void PostConfigure(string? name, JwtBearerOptions options)
    {
        if (name != JwtBearerDefaults.AuthenticationScheme)
        {
            return;
        }

        options.Events ??= new JwtBearerEvents();
        var previous = options.Events.OnAuthenticationFailed;
        options.Events.OnAuthenticationFailed = async context =>
        {
            await previous(context);
            if (context.Result is null && context.Exception is SecurityTokenSignatureKeyNotFoundException && BearerToken(context.Request) is { } token)
            {
                await RetryWithFreshKeysAsync(context, token);
            }
        };
    }

    private async Task RetryWithFreshKeysAsync(AuthenticationFailedContext context, string token)
    {
        var options = context.Options;
        var parameters = options.TokenValidationParameters.Clone();
        parameters.IssuerSigningKeys = await refresher.KeysAsync(options, context.HttpContext.RequestAborted);
        parameters.ConfigurationManager = null;
        foreach (var handler in options.TokenHandlers)
        {
            var result = await handler.ValidateTokenAsync(token, parameters);
            if (result.IsValid)
            {
                context.Principal = new ClaimsPrincipal(result.ClaimsIdentity);
                context.Success();
                return;
            }
        }
    }

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }
}
