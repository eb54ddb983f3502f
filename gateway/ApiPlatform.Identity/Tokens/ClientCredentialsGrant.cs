using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ApiPlatform.Identity.Tokens;

/// <summary>A client acting for itself: <c>sub</c> is the client, with its kind, plan and (for partners) tenant.</summary>
internal static class ClientCredentialsGrant
{
    public static async Task<IResult> HandleAsync(OpenIddictRequest request, TokenRequestServices services)
    {
        if (services.Clients.Find(request.ClientId) is not { } consumer)
        {
            return TokenResults.Reject(Errors.InvalidClient, "The client is not declared in the catalog.");
        }

        var requested = request.GetScopes();
        IReadOnlyCollection<string> scopes = requested.IsEmpty ? services.Clients.ScopesOf(consumer) : requested;
        if (scopes.Count == 0)
        {
            return TokenResults.Reject(Errors.InvalidScope, "The client subscribes to no API.");
        }

        var identity = AccessTokenIdentity.Create(consumer.ClientId);
        identity.SetClaim(TokenClaims.ClientKind, consumer.Kind);
        identity.SetClaim(TokenClaims.Plan, consumer.Plan);
        identity.SetClaim(TokenClaims.Tenant, consumer.Tenant);
        return TokenResults.Issue(await AccessTokenIdentity.GrantAsync(identity, scopes, services.Scopes, services.CancellationToken));
    }
}
