using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ApiPlatform.Gateway.Tests.Infrastructure;

/// <summary>
/// A stand-in for the token server: OpenID discovery and a JWKS for an RSA key of its own, and RS256 at+jwt
/// access tokens shaped like the platform's (aud = api name, space-separated scope, client_id, sub).
/// </summary>
public sealed class TestIssuer : IAsyncDisposable
{
    private const string KeyId = "test-signing-key";
    private readonly RSA rsa = RSA.Create(2048);
    private readonly WebApplication app;

    private TestIssuer(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The issuer as the gateway validates it (the absolute URI, with its trailing slash).</summary>
    public string Issuer => Address.AbsoluteUri;

    public static async Task<TestIssuer> StartAsync()
    {
        var app = LoopbackApp.CreateBuilder(new Dictionary<string, string?>()).Build();
        TestIssuer? issuer = null;
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = issuer!.Issuer,
            ["jwks_uri"] = issuer.Issuer + ".well-known/jwks",
            ["token_endpoint"] = issuer.Issuer + "connect/token",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        app.MapGet("/.well-known/jwks", () => Results.Json(new { keys = new[] { issuer!.PublicJwk() } }));
        issuer = new TestIssuer(app, await LoopbackApp.StartAsync(app));
        return issuer;
    }

    public string CreateToken(string audience, string scope, TimeSpan? lifetime = null)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            TokenType = "at+jwt",
            IssuedAt = now,
            NotBefore = now.AddMinutes(-1),
            Expires = now + (lifetime ?? TimeSpan.FromDays(1)),
            Claims = new Dictionary<string, object>
            {
                ["scope"] = scope,
                ["client_id"] = "test-client",
                ["sub"] = "test-client",
            },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
        });
    }

    private Dictionary<string, string> PublicJwk()
    {
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        return new Dictionary<string, string>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["alg"] = "RS256",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        rsa.Dispose();
    }
}
