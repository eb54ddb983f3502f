using System.Net;
using System.Text.Json;

namespace ApiPlatform.Identity.Tests;

public sealed class DiscoveryTests : IAsyncLifetime
{
    private readonly TempDirectory data = new();
    private IdentityHost host = null!;

    public async Task InitializeAsync() => host = await IdentityHost.StartAsync(data.Path);

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        data.Dispose();
    }

    [Fact]
    public async Task Discovery_names_the_public_issuer_and_the_supported_grants()
    {
        var document = JsonDocument.Parse(await host.Client.GetStringAsync(new Uri(".well-known/openid-configuration", UriKind.Relative))).RootElement;

        Assert.Equal(IdentityHost.Issuer, document.GetProperty("issuer").GetString());
        Assert.Equal(IdentityHost.Issuer + "connect/token", document.GetProperty("token_endpoint").GetString());
        Assert.Equal(IdentityHost.Issuer + ".well-known/jwks", document.GetProperty("jwks_uri").GetString());
        var grants = document.GetProperty("grant_types_supported").EnumerateArray().Select(g => g.GetString()).ToList();
        Assert.Equal(["authorization_code", "client_credentials", "refresh_token", TokenApi.TokenExchangeGrant], grants.Order());
        Assert.Equal(IdentityHost.Issuer + "connect/authorize", document.GetProperty("authorization_endpoint").GetString());
        Assert.Equal(IdentityHost.Issuer + "connect/endsession", document.GetProperty("end_session_endpoint").GetString());
        Assert.Equal(["S256"], document.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(["code"], document.GetProperty("response_types_supported").EnumerateArray().Select(m => m.GetString()));
        var scopes = document.GetProperty("scopes_supported").EnumerateArray().Select(s => s.GetString()).ToList();
        Assert.Contains("experience:partner-portal", scopes);
        Assert.Contains("platform:admin", scopes);
        Assert.DoesNotContain("openid", scopes);
    }

    [Fact]
    public async Task Jwks_publishes_one_rsa_signing_key_with_a_stable_kid()
    {
        var jwks = await Jwt.JwksAsync(host.Client);

        var key = Assert.Single(jwks.Keys);
        Assert.Equal("RSA", key.Kty);
        Assert.Equal("sig", key.Use);
        Assert.Equal(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(key.ComputeJwkThumbprint()), key.Kid);
        Assert.Null(key.D);
    }

    [Fact]
    public async Task Readiness_checks_the_database()
    {
        using var response = await host.Client.GetAsync(new Uri("health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("identity-database", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
