using System.Net;
using ApiPlatform.Gateway.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Gateway.Tests;

/// <summary>
/// Per-address limits see the real client: behind a configured proxy, the one its <c>X-Forwarded-For</c> names; anywhere
/// else, the peer of the connection, whatever the caller writes in the header.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class TrustedProxiesTests(GatewayFixture fixture)
{
    private const int Limit = 2;

    [Fact]
    public async Task Behind_a_trusted_proxy_each_forwarded_client_has_its_own_token_endpoint_budget()
    {
        await using var gateway = await StartAsync(new() { ["Gateway:TrustedProxies:Addresses:0"] = "127.0.0.1" });

        var first = await SpendAsync(gateway, "203.0.113.10");
        using var other = await RequestTokenAsync(gateway, "203.0.113.11");

        Assert.Equal(HttpStatusCode.TooManyRequests, first);
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
    }

    [Fact]
    public async Task A_trusted_network_is_believed_like_a_trusted_address()
    {
        await using var gateway = await StartAsync(new() { ["Gateway:TrustedProxies:Networks:0"] = "127.0.0.0/8" });

        Assert.Equal(HttpStatusCode.TooManyRequests, await SpendAsync(gateway, "198.51.100.7"));
        using var other = await RequestTokenAsync(gateway, "198.51.100.8");
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("10.9.9.9")]
    public async Task A_forwarded_header_from_an_untrusted_peer_changes_nothing(string? trustedProxy)
    {
        await using var gateway = await StartAsync(
            trustedProxy is null ? [] : new() { ["Gateway:TrustedProxies:Addresses:0"] = trustedProxy });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= Limit; i++)
        {
            // A caller rotating the header it writes is still one address.
            using var response = await RequestTokenAsync(gateway, $"192.0.2.{i + 1}");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Theory]
    [InlineData("Gateway:TrustedProxies:Addresses:0", "not-an-address")]
    [InlineData("Gateway:TrustedProxies:Networks:0", "10.0.0.0/33")]
    [InlineData("Gateway:TrustedProxies:ForwardLimit", "0")]
    public async Task A_bad_setting_stops_the_start_naming_the_key(string key, string value)
    {
        var catalog = TestCatalog.Write(fixture.Backend.Upstream, DateTimeOffset.UtcNow.AddDays(30));
        try
        {
            var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
                GatewayHost.StartAsync(catalog, fixture.Issuer, new Dictionary<string, string?> { [key] = value }));

            Assert.Contains(key.Replace(":0", "", StringComparison.Ordinal), error.Message, StringComparison.Ordinal);
        }
        finally
        {
            TestCatalog.Delete(catalog);
        }
    }

    /// <summary>Spends the address's budget and answers the status of the request after it.</summary>
    private static async Task<HttpStatusCode> SpendAsync(TestGateway gateway, string client)
    {
        for (var i = 0; i < Limit; i++)
        {
            using var admitted = await RequestTokenAsync(gateway, client);
            Assert.Equal(HttpStatusCode.Unauthorized, admitted.StatusCode);
        }
        using var next = await RequestTokenAsync(gateway, client);
        return next.StatusCode;
    }

    private Task<TestGateway> StartAsync(Dictionary<string, string?> settings)
    {
        settings["Gateway:TokenEndpoint:RateLimit:Requests"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Gateway:TokenEndpoint:RateLimit:WindowSeconds"] = "60";
        settings["Gateway:TokenEndpoint:RateLimit:Burst"] = "0";
        return TestGateway.StartAsync(fixture, settings);
    }

    private static Task<HttpResponseMessage> RequestTokenAsync(TestGateway gateway, string forwardedFor) =>
        gateway.Host.SendAsync(HttpMethod.Post, "/connect/token", content: new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "sales-test",
            ["client_secret"] = "guess",
        }), headers: h => h.Add("X-Forwarded-For", forwardedFor));
}
