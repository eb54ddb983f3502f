using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ApiPlatform.Gateway.Tests.Infrastructure;
using ApiPlatform.ServiceDefaults.Errors;

namespace ApiPlatform.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class RoutingTests(GatewayFixture fixture)
{
    [Theory]
    [InlineData("relative", "/system/crm/v1/things/42")]
    [InlineData("absolute", "/system/crm/v1/things/42?view=full")]
    [InlineData("foreign", "https://example.org/v1/things/42")]
    public async Task An_upstream_location_is_answered_as_the_public_path_behind_the_gateway(string kind, string expected)
    {
        using var response = await fixture.Gateway.GetAsync($"/system/crm/v1/located/{kind}", fixture.Token("crm", "system:crm"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
        Assert.Equal(expected, response.Content.Headers.ContentLocation?.OriginalString);
    }

    [Fact]
    public async Task Strips_the_api_prefix_and_keeps_the_query()
    {
        var token = fixture.Token("crm", "system:crm");

        using var response = await fixture.Gateway.GetAsync("/system/crm/v1/accounts?x=1&name=a%20b", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echoed = await response.Content.ReadFromJsonAsync<EchoedRequest>();
        Assert.Equal("/v1/accounts?x=1&name=a%20b", echoed!.Target);
        Assert.Equal($"Bearer {token}", echoed.Header("Authorization"));
    }

    [Fact]
    public async Task Forwards_the_x_forwarded_headers_with_the_stripped_prefix()
    {
        using var response = await fixture.Gateway.GetAsync("/system/crm/v1/accounts", fixture.Token("crm", "system:crm"),
            headers => headers.Add("X-Forwarded-Prefix", "/spoofed"));

        var echoed = await response.Content.ReadFromJsonAsync<EchoedRequest>();
        Assert.Equal("/system/crm", echoed!.Header("X-Forwarded-Prefix"));
        Assert.Equal(fixture.Gateway.Address.Authority, echoed.Header("X-Forwarded-Host"));
        Assert.Equal("http", echoed.Header("X-Forwarded-Proto"));
        Assert.Equal("127.0.0.1", echoed.Header("X-Forwarded-For"));
    }

    [Fact]
    public async Task Uses_the_catalog_upstream_when_no_override_is_configured()
    {
        using var response = await fixture.Gateway.GetAsync("/system/erp/v3/orders/42", fixture.Token("erp", "system:erp"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echoed = await response.Content.ReadFromJsonAsync<EchoedRequest>();
        Assert.Equal("/v3/orders/42", echoed!.Target);
    }

    [Fact]
    public async Task Unknown_path_answers_a_problem_404_without_a_token()
    {
        using var response = await fixture.Gateway.GetAsync("/nothing/here");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
    }

    [Fact]
    public async Task Discovery_is_proxied_to_the_token_server_anonymously()
    {
        using var response = await fixture.Gateway.GetAsync("/.well-known/openid-configuration");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var discovery = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(fixture.Issuer.Issuer, discovery.GetProperty("issuer").GetString());
    }

    [Fact]
    public async Task Health_endpoints_answer_anonymously()
    {
        using var response = await fixture.Gateway.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
