using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ApiPlatform.Identity.Tests;

public sealed class TokenExchangeTests : IAsyncLifetime
{
    private readonly TempDirectory data = new();
    private readonly FakeTimeProvider time = new(DateTimeOffset.UtcNow);
    private IdentityHost host = null!;

    public async Task InitializeAsync() =>
        host = await IdentityHost.StartAsync(data.Path, services: services => services.AddSingleton<TimeProvider>(time));

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        data.Dispose();
    }

    [Fact]
    public async Task Service_exchanges_its_callers_token_for_a_downstream_token_on_the_callers_behalf()
    {
        var acme = await TokenApi.AccessTokenAsync(host.Client, "partner-acme");

        var response = await TokenApi.ExchangeAsync(host.Client, "svc-partner-portal", acme, "process:quote-to-cash");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(TokenApi.AccessTokenType, response.Body.GetProperty("issued_token_type").GetString());
        var token = Jwt.Read(response.AccessToken);
        Assert.Equal("at+jwt", token.Typ);
        Assert.Equal(["quote-to-cash"], token.Audiences);
        var payload = Jwt.Payload(response.AccessToken);
        Assert.Equal("partner-acme", payload.GetProperty("sub").GetString());
        Assert.Equal("acme", payload.GetProperty("tenant").GetString());
        Assert.Equal("svc-partner-portal", payload.GetProperty("client_id").GetString());
        Assert.Equal("process:quote-to-cash", payload.GetProperty("scope").GetString());
        Assert.Equal("""{"sub":"svc-partner-portal"}""", payload.GetProperty("act").GetRawText());
        Assert.True(payload.GetProperty("exp").GetInt64() <= Jwt.Payload(acme).GetProperty("exp").GetInt64());
        Assert.True((await Jwt.ValidateAsync(response.AccessToken, await Jwt.JwksAsync(host.Client), "quote-to-cash")).IsValid);
    }

    [Fact]
    public async Task A_second_exchange_nests_the_earlier_actor()
    {
        var acme = await TokenApi.AccessTokenAsync(host.Client, "partner-acme");
        var forQuoteToCash = (await TokenApi.ExchangeAsync(host.Client, "svc-partner-portal", acme, "process:quote-to-cash")).AccessToken;

        var response = await TokenApi.ExchangeAsync(host.Client, "svc-quote-to-cash", forQuoteToCash, "system:crm");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var payload = Jwt.Payload(response.AccessToken);
        Assert.Equal(["crm"], Jwt.Read(response.AccessToken).Audiences);
        Assert.Equal("partner-acme", payload.GetProperty("sub").GetString());
        Assert.Equal("acme", payload.GetProperty("tenant").GetString());
        Assert.Equal("svc-quote-to-cash", payload.GetProperty("act").GetProperty("sub").GetString());
        Assert.Equal("svc-partner-portal", payload.GetProperty("act").GetProperty("act").GetProperty("sub").GetString());
    }

    [Theory]
    [InlineData("process:procure-to-pay")]
    [InlineData("platform:admin")]
    public async Task A_scope_the_service_is_not_subscribed_to_is_refused(string scope)
    {
        var acme = await TokenApi.AccessTokenAsync(host.Client, "partner-acme");

        var response = await TokenApi.ExchangeAsync(host.Client, "svc-partner-portal", acme, scope);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalid_scope", response.Error);
    }

    [Fact]
    public async Task An_exchange_must_name_the_downstream_scope()
    {
        var acme = await TokenApi.AccessTokenAsync(host.Client, "partner-acme");

        var response = await TokenApi.ExchangeAsync(host.Client, "svc-partner-portal", acme, scope: "");

        Assert.Equal("invalid_scope", response.Error);
    }

    [Fact]
    public async Task A_token_addressed_to_another_api_is_refused()
    {
        var acme = await TokenApi.AccessTokenAsync(host.Client, "partner-acme");

        var response = await TokenApi.ExchangeAsync(host.Client, "svc-quote-to-cash", acme, "system:crm");

        Assert.Equal("invalid_grant", response.Error);
    }

    [Fact]
    public async Task Clients_that_are_not_services_cannot_exchange()
    {
        var acme = await TokenApi.AccessTokenAsync(host.Client, "partner-acme");

        var response = await TokenApi.ExchangeAsync(host.Client, "partner-acme", acme, "experience:partner-portal");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("unauthorized_client", response.Error);
    }

    [Fact]
    public async Task An_expired_subject_token_is_invalid_grant()
    {
        var acme = await TokenApi.AccessTokenAsync(host.Client, "partner-acme");
        time.Advance(TimeSpan.FromMinutes(16));

        var response = await TokenApi.ExchangeAsync(host.Client, "svc-partner-portal", acme, "process:quote-to-cash");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalid_grant", response.Error);
    }

    [Fact]
    public async Task A_token_signed_by_another_key_is_invalid_grant()
    {
        var genuine = Jwt.Payload(await TokenApi.AccessTokenAsync(host.Client, "partner-acme"));
        using var rsa = RSA.Create(2048);
        var forged = new JsonWebTokenHandler().CreateToken(genuine.GetRawText(), new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = "forged" }, SecurityAlgorithms.RsaSha256), new Dictionary<string, object> { ["typ"] = "at+jwt" });

        var response = await TokenApi.ExchangeAsync(host.Client, "svc-partner-portal", forged, "process:quote-to-cash");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalid_grant", response.Error);
    }
}
