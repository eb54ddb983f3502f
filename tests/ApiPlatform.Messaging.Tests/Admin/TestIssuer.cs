using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ApiPlatform.Messaging.Tests.Admin;

/// <summary>A stand-in token server on loopback: discovery, JWKS and RS256 at+jwt access tokens shaped like the platform's.</summary>
internal sealed class TestIssuer : IAsyncDisposable
{
    private readonly RSA rsa = RSA.Create(2048);
    private WebApplication? app;

    public string Issuer { get; private set; } = "";

    public static async Task<TestIssuer> StartAsync()
    {
        var issuer = new TestIssuer();
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        issuer.app = builder.Build();
        issuer.app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = issuer.Issuer,
            ["jwks_uri"] = issuer.Issuer + ".well-known/jwks",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        issuer.app.MapGet("/.well-known/jwks", () => Results.Json(new { keys = new[] { issuer.PublicJwk() } }));
        await issuer.app.StartAsync();
        issuer.Issuer = new Uri(issuer.app.Urls.First()).AbsoluteUri;
        return issuer;
    }

    public string CreateToken(string audience, string scope) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = audience,
        TokenType = "at+jwt",
        Expires = DateTime.UtcNow.AddHours(1),
        Claims = new Dictionary<string, object> { ["scope"] = scope, ["client_id"] = "test-client", ["sub"] = "test-client" },
        SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = "test-key" }, SecurityAlgorithms.RsaSha256),
    });

    private Dictionary<string, string> PublicJwk()
    {
        var key = rsa.ExportParameters(includePrivateParameters: false);
        return new()
        {
            ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = "test-key",
            ["n"] = Base64UrlEncoder.Encode(key.Modulus), ["e"] = Base64UrlEncoder.Encode(key.Exponent),
        };
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
        rsa.Dispose();
    }
}
