using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ApiPlatform.Identity.Tokens;

internal static class AccessTokenIdentity
{
    public static ClaimsIdentity Create(string subject)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, subject);
        return identity;
    }

    /// <summary>Grants <paramref name="scopes"/>, with the audiences (resources) the scope store maps them to.</summary>
    public static async Task<ClaimsPrincipal> GrantAsync(
        ClaimsIdentity identity, IReadOnlyCollection<string> scopes, IOpenIddictScopeManager scopeManager, CancellationToken cancellationToken)
    {
        identity.SetScopes(scopes);
        identity.SetResources(await scopeManager.ListResourcesAsync([.. scopes], cancellationToken).ToListAsync(cancellationToken));
        // Every claim here is meant for the APIs; no identity token is ever issued.
        identity.SetDestinations(static _ => [Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }
}
