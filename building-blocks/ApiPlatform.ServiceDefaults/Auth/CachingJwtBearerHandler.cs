using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ApiPlatform.ServiceDefaults.Auth;

/// <summary>JwtBearer that answers a token it has already validated from <see cref="TokenValidationCache"/>.</summary>
internal sealed class CachingJwtBearerHandler(
    IOptionsMonitor<JwtBearerOptions> options, ILoggerFactory logger, UrlEncoder encoder, TokenValidationCache cache)
    : JwtBearerHandler(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        return cache.FindBearer(Request.Headers[HeaderNames.Authorization].ToString()) is { } principal
            ? Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name)))
            : ValidateAsync();
    }

    private async Task<AuthenticateResult> ValidateAsync()
    {
        var result = await base.HandleAuthenticateAsync();
        var token = TokenValidationCache.BearerToken(Request.Headers[HeaderNames.Authorization].ToString());
        if (result.Succeeded && !token.IsEmpty)
        {
            cache.Add(token.ToString(), result.Principal);
        }
        return result;
    }
}
