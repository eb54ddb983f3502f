using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ApiPlatform.Identity.Tokens;

/// <summary>
/// OAuth 2.0 Token Exchange (RFC 8693): a service trades its caller's token for one addressed to a downstream API.
/// The subject (<c>sub</c>, <c>tenant</c>, kind and plan) is kept; the calling service becomes the <c>act</c> claim.
/// </summary>
internal static class TokenExchangeGrant
{
    public static async Task<IResult> HandleAsync(OpenIddictRequest request, TokenRequestServices services)
    {
        var scopes = request.GetScopes();
        if (scopes.IsEmpty)
        {
            return TokenResults.Reject(Errors.InvalidScope, "A token exchange names the downstream API's scope.");
        }

        var result = await services.HttpContext.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        if (result.Principal is not { } subject || subject.GetClaim(Claims.Subject) is not { Length: > 0 } subjectId)
        {
            return TokenResults.Reject(Errors.InvalidGrant, "The subject token is not valid.");
        }

        var lifetime = Lifetime(subject, services);
        if (lifetime <= TimeSpan.Zero)
        {
            return TokenResults.Reject(Errors.InvalidGrant, "The subject token has expired.");
        }

        var identity = AccessTokenIdentity.Create(subjectId);
        foreach (var type in new[] { TokenClaims.Tenant, TokenClaims.ClientKind, TokenClaims.Plan })
        {
            identity.SetClaim(type, subject.GetClaim(type));
        }
        identity.SetClaim(TokenClaims.Actor, Actor(request.ClientId!, subjectId, subject));
        identity.SetAccessTokenLifetime(lifetime);
        return TokenResults.Issue(await AccessTokenIdentity.GrantAsync(identity, scopes, services.Scopes, services.CancellationToken));
    }

    /// <summary>RFC 8693 §4.1: the current actor, nesting the chain of earlier actors; none when a client exchanges its own token.</summary>
    private static JsonObject? Actor(string clientId, string subjectId, ClaimsPrincipal subject)
    {
        var prior = subject.GetClaim(TokenClaims.Actor) is { Length: > 0 } json ? JsonNode.Parse(json) as JsonObject : null;
        if (prior is null && clientId == subjectId)
        {
            return null;
        }
        var actor = new JsonObject { [Claims.Subject] = clientId };
        if (prior is not null)
        {
            actor[TokenClaims.Actor] = prior;
        }
        return actor;
    }

    /// <summary>An exchanged token never outlives its subject token, so a chain of exchanges cannot extend access.</summary>
    private static TimeSpan Lifetime(ClaimsPrincipal subject, TokenRequestServices services)
    {
        var configured = TimeSpan.FromMinutes(services.Options.Value.AccessTokenLifetimeMinutes);
        if (subject.GetExpirationDate() is not { } expires)
        {
            return configured;
        }
        var remaining = expires - services.Time.GetUtcNow();
        return remaining < configured ? remaining : configured;
    }
}
