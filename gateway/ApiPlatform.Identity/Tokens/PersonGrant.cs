using System.Security.Claims;
using ApiPlatform.Identity.People;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ApiPlatform.Identity.Tokens;

/// <summary>
/// A person's code or refresh token, which OpenIddict has decrypted and checked (client, redirect URI, PKCE verifier).
/// Each is redeemed once: its authorization entry is revoked here, and the new tokens get a new one, so a replayed code or
/// an already used refresh token fails, and signing out (which revokes the person's entries) ends every refresh.
/// The person is read again, so a removed person or a changed role takes effect at the next refresh.
/// </summary>
internal static class PersonGrant
{
    public static async Task<IResult> HandleAsync(OpenIddictRequest request, TokenRequestServices services, PeopleDirectory people,
        IOpenIddictAuthorizationManager authorizations)
    {
        var result = await services.HttpContext.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        if (result.Principal is not { } grant)
        {
            return TokenResults.Reject(Errors.InvalidGrant, "The grant is not valid.");
        }
        if (grant.GetAuthorizationId() is not { } authorizationId
            || await authorizations.FindByIdAsync(authorizationId, services.CancellationToken) is not { } authorization
            || !await authorizations.HasStatusAsync(authorization, Statuses.Valid, services.CancellationToken)
            || !await authorizations.TryRevokeAsync(authorization, services.CancellationToken))
        {
            return TokenResults.Reject(Errors.InvalidGrant, "The grant has been used or revoked.");
        }
        if (people.Find(grant.GetClaim(Claims.Subject)) is not { } person)
        {
            return TokenResults.Reject(Errors.InvalidGrant, "The person can no longer sign in.");
        }

        var requested = request.IsRefreshTokenGrantType() && !request.GetScopes().IsEmpty ? request.GetScopes() : grant.GetScopes();
        var scopes = requested.Where(scope => person.Scopes.Contains(scope) || scope == Scopes.OfflineAccess).ToList();
        if (!scopes.Any(scope => scope != Scopes.OfflineAccess))
        {
            return TokenResults.Reject(Errors.InvalidGrant, "The person's role no longer allows the granted scopes.");
        }
        var principal = await PersonPrincipal.CreateAsync(person, scopes, services.Scopes, services.CancellationToken);
        // OpenIddict would carry the redeemed grant's (now revoked) entry over to the new refresh token: give it its own.
        principal.SetAuthorizationId(await authorizations.GetIdAsync(
            await authorizations.CreateAsync(await DescribeAsync(principal, services, authorization, authorizations), services.CancellationToken),
            services.CancellationToken));
        return TokenResults.Issue(principal);
    }

    private static async Task<OpenIddictAuthorizationDescriptor> DescribeAsync(ClaimsPrincipal principal,
        TokenRequestServices services, object redeemed, IOpenIddictAuthorizationManager authorizations)
    {
        var descriptor = new OpenIddictAuthorizationDescriptor
        {
            ApplicationId = await authorizations.GetApplicationIdAsync(redeemed, services.CancellationToken),
            CreationDate = services.Time.GetUtcNow(),
            Principal = principal,
            Status = Statuses.Valid,
            Subject = principal.GetClaim(Claims.Subject),
            Type = AuthorizationTypes.AdHoc,
        };
        descriptor.Scopes.UnionWith(principal.GetScopes());
        return descriptor;
    }
}
