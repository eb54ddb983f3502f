using System.Net;

namespace ApiPlatform.Identity.Tests;

public sealed class ClientCredentialsTests : IAsyncLifetime
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
    public async Task Partner_token_is_an_RS256_at_jwt_for_its_api_with_its_tenant()
    {
        var response = await TokenApi.ClientCredentialsAsync(host.Client, "partner-acme", "experience:partner-portal");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("Bearer", response.Body.GetProperty("token_type").GetString());
        Assert.InRange(response.Body.GetProperty("expires_in").GetInt32(), 890, 900);
        var token = Jwt.Read(response.AccessToken);
        Assert.Equal("at+jwt", token.Typ);
        Assert.Equal("RS256", token.Alg);
        Assert.False(string.IsNullOrEmpty(token.Kid));
        Assert.Equal(IdentityHost.Issuer, token.Issuer);
        Assert.Equal(["partner-portal"], token.Audiences);
        var payload = Jwt.Payload(response.AccessToken);
        Assert.Equal("partner-acme", payload.GetProperty("sub").GetString());
        Assert.Equal("partner-acme", payload.GetProperty("client_id").GetString());
        Assert.Equal("experience:partner-portal", payload.GetProperty("scope").GetString());
        Assert.Equal("acme", payload.GetProperty("tenant").GetString());
        Assert.Equal("partner", payload.GetProperty("client_kind").GetString());
        Assert.Equal("partner-standard", payload.GetProperty("plan").GetString());
        Assert.Equal(900, payload.GetProperty("exp").GetInt64() - payload.GetProperty("iat").GetInt64());
    }

    [Fact]
    public async Task Published_keys_validate_the_token_for_its_audience_only()
    {
        var token = await TokenApi.AccessTokenAsync(host.Client, "partner-acme");
        var jwks = await Jwt.JwksAsync(host.Client);

        Assert.True((await Jwt.ValidateAsync(token, jwks, "partner-portal")).IsValid);
        Assert.False((await Jwt.ValidateAsync(token, jwks, "crm")).IsValid);
    }

    [Fact]
    public async Task Without_a_scope_the_client_gets_every_subscription()
    {
        var token = await TokenApi.AccessTokenAsync(host.Client, "sales-app");

        var payload = Jwt.Payload(token);
        Assert.Equal(
            ["experience:analytics", "process:quote-to-cash", "system:crm"],
            payload.GetProperty("scope").GetString()!.Split(' ').Order());
        Assert.Equal(["analytics", "crm", "quote-to-cash"], Jwt.Read(token).Audiences.Order());
        Assert.False(payload.TryGetProperty("tenant", out _));
        Assert.Equal("internal", payload.GetProperty("client_kind").GetString());
    }

    [Fact]
    public async Task Platform_admin_scope_has_the_platform_audience()
    {
        var token = await TokenApi.AccessTokenAsync(host.Client, "platform-admin", "platform:admin");

        Assert.Equal(["platform"], Jwt.Read(token).Audiences);
        Assert.Equal("platform:admin", Jwt.Payload(token).GetProperty("scope").GetString());
    }

    [Theory]
    [InlineData("system:crm")]
    [InlineData("experience:partner-portal platform:admin")]
    [InlineData("system:unknown")]
    [InlineData("openid")]
    public async Task A_scope_outside_the_subscriptions_is_invalid_scope(string scope)
    {
        var response = await TokenApi.ClientCredentialsAsync(host.Client, "partner-acme", scope);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalid_scope", response.Error);
    }

    [Fact]
    public async Task A_wrong_secret_is_invalid_client()
    {
        var response = await TokenApi.ClientCredentialsAsync(host.Client, "partner-acme", secret: "not-the-secret");

        Assert.Contains(response.Status, new[] { HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized });
        Assert.Equal("invalid_client", response.Error);
    }

    [Fact]
    public async Task An_undeclared_client_is_invalid_client()
    {
        var response = await TokenApi.ClientCredentialsAsync(host.Client, "svc-unknown", secret: "whatever");

        Assert.Equal("invalid_client", response.Error);
    }
}
