using ApiPlatform.Identity.People;
using ApiPlatform.Identity.Tokens;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ApiPlatform.Identity.SignIn;

/// <summary>
/// <c>/connect/authorize</c>: OpenIddict has validated the client, the exact redirect URI and the S256 PKCE challenge.
/// Without a session (or with <c>prompt=login</c>) the person is sent to the sign-in form; with one, the code is issued
/// for the scopes of the person's role that the client asked for.
/// </summary>
internal static class AuthorizeEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, PeopleDirectory people, [AsParameters] TokenRequestServices services)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict server request is missing: is the authorization endpoint passthrough enabled?");

        var session = await context.AuthenticateAsync(SessionCookie.Scheme);
        var person = session.Succeeded ? people.Find(session.Principal?.GetClaim(Claims.Subject)) : null;
        if (person is null || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return TokenResults.Reject(Errors.LoginRequired, "The person is not signed in.");
            }
            // The form comes back to this request without prompt=login, so a fresh sign-in is not asked for again.
            var parameters = request.GetParameters()
                .Where(parameter => parameter.Key != Parameters.Prompt)
                .Select(parameter => KeyValuePair.Create(parameter.Key, (string?)parameter.Value));
            var returnUrl = context.Request.PathBase + context.Request.Path + QueryString.Create(parameters);
            return Results.Redirect(SignInEndpoint.Path + QueryString.Create("returnUrl", returnUrl));
        }

        var requested = request.GetScopes();
        var granted = requested.IsEmpty ? [.. person.Scopes] : requested.Where(person.Scopes.Contains).ToList();
        if (granted.Count == 0)
        {
            return TokenResults.Reject(Errors.AccessDenied, "The person's role allows none of the requested scopes.");
        }
        if (requested.Contains(Scopes.OfflineAccess))
        {
            granted.Add(Scopes.OfflineAccess);
        }
        return TokenResults.Issue(await PersonPrincipal.CreateAsync(person, granted, services.Scopes, services.CancellationToken));
    }
}
