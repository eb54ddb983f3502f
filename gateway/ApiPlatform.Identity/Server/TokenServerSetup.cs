using OpenIddict.Abstractions;
using OpenIddict.Server;

namespace ApiPlatform.Identity.Server;

/// <summary>The fixed shape of the OpenIddict server; settings from configuration are in <see cref="ConfigureTokenServer"/>.</summary>
internal static class TokenServerSetup
{
    public static void Configure(OpenIddictServerBuilder server, bool plainHttpAllowed)
    {
        server.SetTokenEndpointUris("connect/token")
            .SetAuthorizationEndpointUris("connect/authorize")
            .SetEndSessionEndpointUris("connect/endsession")
            .SetConfigurationEndpointUris(".well-known/openid-configuration")
            .SetJsonWebKeySetEndpointUris(".well-known/jwks");
        // Machines: client credentials and token exchange. People: the authorization code flow with PKCE, and refresh tokens.
        server.AllowClientCredentialsFlow().AllowTokenExchangeFlow().AllowAuthorizationCodeFlow().AllowRefreshTokenFlow();
        server.RequireProofKeyForCodeExchange();
        server.Configure(options =>
        {
            // S256 only: a plain challenge is the verifier itself, so whoever sees the authorization request could redeem the code.
            options.CodeChallengeMethods.Clear();
            options.CodeChallengeMethods.Add(OpenIddictConstants.CodeChallengeMethods.Sha256);

            // Only access tokens this server issued are exchanged, and the caller is the actor: no actor_token.
            options.SubjectTokenTypes.Clear();
            options.SubjectTokenTypes.Add(OpenIddictConstants.TokenTypeIdentifiers.AccessToken);
            options.ActorTokenTypes.Clear();
        });

        server.DisableAccessTokenEncryption();
        // Tokens are self-contained, so nothing is stored per token (a machine's token costs no write). Codes and refresh
        // tokens belong to an authorization entry instead, which redeeming or signing out revokes (PersonGrant, EndSession).
        server.DisableTokenStorage();
        // Authorization codes and refresh tokens are encrypted with keys derived from the signing keys (ConfigureTokenServer),
        // so every replica reads them and they survive a restart.

        server.RemoveEventHandler(OpenIddictServerHandlers.Exchange.ValidateAuthorizedParty.Descriptor);
        server.AddEventHandler(ValidateSubjectTokenAudience.Descriptor);
        server.AddEventHandler(RejectUnpermittedScopes.Descriptor);
        server.AddEventHandler(AdvertiseEndpointsUnderIssuer.Descriptor);

        var aspNetCore = server.UseAspNetCore()
            .EnableTokenEndpointPassthrough()
            .EnableAuthorizationEndpointPassthrough()
            .EnableEndSessionEndpointPassthrough();
        // Outside Development, TLS is required end to end (OpenIddict refuses plain http requests), unless the cluster
        // says explicitly that TLS ends at its ingress (Auth:AllowPlainHttp).
        if (plainHttpAllowed)
        {
            aspNetCore.DisableTransportSecurityRequirement();
        }
    }
}
