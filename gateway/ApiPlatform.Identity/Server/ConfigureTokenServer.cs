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
        options.RefreshTokenLifetime = TimeSpan.FromMinutes(identity.Value.SignIn.RefreshTokenLifetimeMinutes);
        options.AuthorizationCodeLifetime = TimeSpan.FromMinutes(2);
        // Newest first: OpenIddict signs with the first credential and publishes all of them; it encrypts with the first
        // encryption key and tries every one when it reads a code or refresh token.
        foreach (var key in keys.Keys)
        {
            options.SigningCredentials.Add(new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
            options.EncryptionCredentials.Add(new EncryptingCredentials(
                TokenEncryptionKey.DeriveFrom(key), SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512));
        }

        // No identity tokens are issued, so openid is neither advertised nor granted; offline_access asks for a refresh token.
        options.Scopes.Remove(Scopes.OpenId);
        options.Scopes.Add(Scopes.OfflineAccess);
        options.Scopes.UnionWith(ScopeDefinitions.From(catalog).Select(scope => scope.Name));
        options.Claims.UnionWith([Claims.ClientId, Claims.Scope, TokenClaims.Tenant, TokenClaims.ClientKind, TokenClaims.Plan, TokenClaims.Actor]);
    }
}
