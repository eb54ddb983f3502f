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
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers[HeaderNames.Authorization].ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
        if (token is { Length: > 0 } && cache.Find(token) is { } principal)
        {
            return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
        }

        var result = await base.HandleAuthenticateAsync();
        if (result.Succeeded && token is { Length: > 0 })
        {
            cache.Add(token, result.Principal);
        }
        return result;
    }
}
