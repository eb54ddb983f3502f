using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;

namespace ApiPlatform.Identity.Server;

/// <summary>The fixed shape of the OpenIddict server; settings from configuration are in <see cref="ConfigureTokenServer"/>.</summary>
internal static class TokenServerSetup
{
    public static void Configure(OpenIddictServerBuilder server, bool plainHttpAllowed)
    {
        server.SetTokenEndpointUris("connect/token")
            .SetConfigurationEndpointUris(".well-known/openid-configuration")
            .SetJsonWebKeySetEndpointUris(".well-known/jwks");
        server.AllowClientCredentialsFlow().AllowTokenExchangeFlow();
        server.Configure(options =>
        {
            // Only access tokens this server issued are exchanged, and the caller is the actor: no actor_token.
            options.SubjectTokenTypes.Clear();
            options.SubjectTokenTypes.Add(OpenIddictConstants.TokenTypeIdentifiers.AccessToken);
            options.ActorTokenTypes.Clear();
        });

        server.DisableAccessTokenEncryption();
        // Tokens are self-contained JWTs with no refresh or revocation, so nothing needs storing per token.
        server.DisableTokenStorage();
        // OpenIddict requires an encryption key even though nothing this server issues is encrypted.
        server.AddEphemeralEncryptionKey(SecurityAlgorithms.Aes256KW);

        server.RemoveEventHandler(OpenIddictServerHandlers.Exchange.ValidateAuthorizedParty.Descriptor);
        server.AddEventHandler(ValidateSubjectTokenAudience.Descriptor);
        server.AddEventHandler(RejectUnpermittedScopes.Descriptor);
        server.AddEventHandler(AdvertiseEndpointsUnderIssuer.Descriptor);

        var aspNetCore = server.UseAspNetCore().EnableTokenEndpointPassthrough();
        // Outside Development, TLS is required end to end (OpenIddict refuses plain http requests), unless the cluster
        // says explicitly that TLS ends at its ingress (Auth:AllowPlainHttp).
        if (plainHttpAllowed)
        {
            aspNetCore.DisableTransportSecurityRequirement();
        }
    }
}
