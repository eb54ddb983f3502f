using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace ApiPlatform.EndToEnd.Tests;

[Collection(PlatformCollection.Name)]
public sealed class GatewayEdgeTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_request_without_a_token_is_401()
    {
        var response = await platform.Gateway.GetAsync("/system/crm/v1/accounts");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task A_forged_token_is_401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/system/crm/v1/accounts");
        var token = await platform.TokenAsync("integration-app", "integration-secret");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token[..^4] + "AAAA");

        await (await platform.Gateway.SendAsync(request)).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task A_token_without_the_apis_scope_is_403()
    {
        using var acme = await platform.AcmeAsync();

        var response = await acme.GetAsync("/system/crm/v1/accounts");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task An_unknown_version_is_404_naming_the_supported_versions()
    {
        using var integration = await platform.IntegrationAppAsync();

        var problem = await (await integration.GetAsync("/system/crm/v9/accounts")).AssertProblemAsync(HttpStatusCode.NotFound, "version-not-found");

        Assert.Equal(["v1"], problem.GetProperty("supportedVersions").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task A_deprecated_version_answers_with_deprecation_sunset_and_link_headers()
    {
        using var sales = await platform.SalesAppAsync();

        var response = await sales.GetAsync("/experience/analytics/v1/transactions");

        await response.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("@" + new DateTimeOffset(2026, 11, 15, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), response.Headers.GetValues("Deprecation").Single());
        Assert.Equal("Thu, 01 Jan 2099 00:00:00 GMT", response.Headers.GetValues("Sunset").Single());
        var links = string.Join(", ", response.Headers.GetValues("Link"));
        Assert.Contains("</experience/analytics/v2>; rel=\"successor-version\"", links, StringComparison.Ordinal);
        Assert.Contains("rel=\"deprecation\"", links, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_correlation_id_is_echoed_or_generated()
    {
        using var integration = await platform.IntegrationAppAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/system/crm/v1/accounts");
        request.Headers.Add("X-Correlation-Id", "order-4711");

        var echoed = await integration.SendAsync(request);
        var generated = await integration.GetAsync("/system/crm/v1/accounts");

        Assert.Equal("order-4711", echoed.Headers.GetValues("X-Correlation-Id").Single());
        Assert.False(string.IsNullOrWhiteSpace(generated.Headers.GetValues("X-Correlation-Id").Single()));
    }

    [Fact]
    public async Task Identity_is_reached_through_the_gateway_and_issues_for_the_gateway_url()
    {
        var discovery = await (await platform.Gateway.GetAsync("/.well-known/openid-configuration")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(platform.Platform.GatewayUrl.AbsoluteUri, discovery.GetProperty("issuer").GetString());
        Assert.Contains("urn:ietf:params:oauth:grant-type:token-exchange",
            discovery.GetProperty("grant_types_supported").EnumerateArray().Select(g => g.GetString()));
    }

    [Fact]
    public async Task A_stopped_upstream_answers_503_within_one_second()
    {
        using var integration = await platform.IntegrationAppAsync();
        await (await integration.GetAsync("/process/procure-to-pay/v1/requisitions")).AssertJsonAsync(HttpStatusCode.OK);

        await platform.Platform.StopServiceAsync("procure-to-pay");
        var stopwatch = Stopwatch.StartNew();
        var response = await integration.GetAsync("/process/procure-to-pay/v1/requisitions");
        stopwatch.Stop();

        await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "upstream-unavailable");
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1), $"took {stopwatch.ElapsedMilliseconds} ms");
    }
}
