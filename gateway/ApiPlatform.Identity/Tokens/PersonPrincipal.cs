using System.Security.Claims;
using ApiPlatform.Identity.People;
using OpenIddict.Abstractions;

namespace ApiPlatform.Identity.Tokens;

/// <summary>A person's token has the shape of a machine's: <c>sub</c>, kind, plan, a partner's tenant, scopes and their audiences.</summary>
internal static class PersonPrincipal
{
    public static Task<ClaimsPrincipal> CreateAsync(
        Person person, IReadOnlyCollection<string> scopes, IOpenIddictScopeManager scopeManager, CancellationToken cancellationToken)
    {
        var identity = AccessTokenIdentity.Create(person.Subject);
        identity.SetClaim(TokenClaims.ClientKind, person.ClientKind);
        identity.SetClaim(TokenClaims.Plan, person.Plan);
        identity.SetClaim(TokenClaims.Tenant, person.Tenant);
        return AccessTokenIdentity.GrantAsync(identity, scopes, scopeManager, cancellationToken);
    }
}
