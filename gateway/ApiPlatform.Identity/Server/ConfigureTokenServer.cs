using ApiPlatform.Catalog;
using ApiPlatform.Identity.Clients;
using ApiPlatform.Identity.Keys;
using ApiPlatform.Identity.Tokens;
using ApiPlatform.ServiceDefaults.Auth;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ApiPlatform.Identity.Server;

/// <summary>The settings of the OpenIddict server that come from configuration and the catalog.</summary>
internal sealed class ConfigureTokenServer(
    SigningKeyStore keys, ApiCatalog catalog, IOptions<IdentityServerOptions> identity, IOptions<AuthOptions> auth)
    : IConfigureOptions<OpenIddictServerOptions>
{
    public void Configure(OpenIddictServerOptions options)
    {
        options.Issuer = new Uri(auth.Value.GetEffectiveIssuer());
        options.AccessTokenLifetime = TimeSpan.FromMinutes(identity.Value.AccessTokenLifetimeMinutes);
        // Newest first: OpenIddict signs with the first credential and publishes all of them.
        foreach (var key in keys.Keys)
        {
            options.SigningCredentials.Add(new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
        }

        // No identity tokens are issued, so openid is neither advertised nor granted.
        options.Scopes.Remove(Scopes.OpenId);
        options.Scopes.UnionWith(ScopeDefinitions.From(catalog).Select(scope => scope.Name));
        options.Claims.UnionWith([Claims.ClientId, Claims.Scope, TokenClaims.Tenant, TokenClaims.ClientKind, TokenClaims.Plan, TokenClaims.Actor]);
    }
}
