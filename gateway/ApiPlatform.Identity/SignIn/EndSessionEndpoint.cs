using ApiPlatform.Identity.People;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ApiPlatform.Identity.SignIn;

/// <summary>
/// <c>/connect/endsession</c>: ends the person's session and revokes their authorization entries, so no refresh token
/// issued to them works again; OpenIddict then returns to the client's registered post-logout redirect URI, if it named one.
/// </summary>
internal static class EndSessionEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, IOpenIddictAuthorizationManager authorizations, ILoggerFactory loggers)
    {
        var session = await context.AuthenticateAsync(SessionCookie.Scheme);
        if (session.Principal?.GetClaim(Claims.Subject) is { Length: > 0 } subject)
        {
            var revoked = await authorizations.RevokeBySubjectAsync(subject, context.RequestAborted);
            loggers.CreateLogger(typeof(EndSessionEndpoint)).LogInformation("{Subject} signed out ({Revoked} authorizations revoked)", subject, revoked);
        }
        await context.SignOutAsync(SessionCookie.Scheme);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = SignInEndpoint.Path },
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
