using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ApiPlatform.Gateway.Tests.Infrastructure;

/// <summary>
/// A stand-in for the token server: OpenID discovery, a JWKS for RSA keys of its own, a token endpoint refusing every
/// client (counting the attempts), and RS256 at+jwt access tokens shaped like the platform's (aud = api name,
/// space-separated scope, client_id, sub, optional tenant and plan). <see cref="RotateKey"/> publishes a new key and signs with it from then on, as a key rollover does.
/// </summary>
public sealed class TestIssuer : IAsyncDisposable
{
    private readonly List<RsaSecurityKey> keys = [new(RSA.Create(2048)) { KeyId = "test-signing-key" }];
    private readonly WebApplication app;
    private long tokenRequests;

    private TestIssuer(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The issuer as the gateway validates it (the absolute URI, with its trailing slash).</summary>
    public string Issuer => Address.AbsoluteUri;

    /// <summary>How many requests reached <c>/connect/token</c>.</summary>
    public long TokenRequests => Interlocked.Read(ref tokenRequests);

    /// <summary>The key tokens are signed with now.</summary>
    public RsaSecurityKey SigningKey => keys[^1];

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
        app.MapGet("/.well-known/jwks", () => Results.Json(new { keys = issuer!.keys.Select(PublicJwk).ToArray() }));
        app.MapPost("/connect/token", () =>
        {
            Interlocked.Increment(ref issuer!.tokenRequests);
            return Results.Json(new { error = "invalid_client" }, statusCode: StatusCodes.Status401Unauthorized);
        });
        issuer = new TestIssuer(app, await LoopbackApp.StartAsync(app));
        return issuer;
    }

    public string CreateToken(string audience, string scope, TimeSpan? lifetime = null, string clientId = "test-client",
        string? tenant = null, string? plan = null) =>
        Sign(Descriptor(audience, scope, lifetime, clientId, tenant, plan));

    public SecurityTokenDescriptor Descriptor(string audience, string scope, TimeSpan? lifetime = null, string clientId = "test-client",
        string? tenant = null, string? plan = null)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object> { ["scope"] = scope, ["client_id"] = clientId, ["sub"] = clientId };
        if (tenant is not null)
        {
            claims["tenant"] = tenant;
        }
        if (plan is not null)
        {
            claims["plan"] = plan;
        }
        return new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            TokenType = "at+jwt",
            IssuedAt = now,
            NotBefore = now.AddMinutes(-1),
            Expires = now + (lifetime ?? TimeSpan.FromDays(1)),
            Claims = claims,
        };
    }

    /// <summary>Signs with <paramref name="credentials"/>, or RS256 with the current signing key.</summary>
    public string Sign(SecurityTokenDescriptor descriptor, SigningCredentials? credentials = null)
    {
        descriptor.SigningCredentials = credentials ?? new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>Publishes a new key beside the old one and signs every later token with it.</summary>
    public void RotateKey() => keys.Add(new RsaSecurityKey(RSA.Create(2048)) { KeyId = $"test-signing-key-{keys.Count + 1}" });

    private static Dictionary<string, string> PublicJwk(RsaSecurityKey key)
    {
        var parameters = key.Rsa.ExportParameters(includePrivateParameters: false);
        return new Dictionary<string, string>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["alg"] = "RS256",
            ["kid"] = key.KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        foreach (var key in keys)
        {
            key.Rsa.Dispose();
        }
    }
}
