using System.Globalization;
using System.Net;
using ApiPlatform.Gateway.Tests.Infrastructure;
using ApiPlatform.ServiceDefaults.Errors;

namespace ApiPlatform.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class LifecycleTests(GatewayFixture fixture)
{
    [Theory]
    [InlineData("/system/crm/v9/accounts")]
    [InlineData("/system/crm/v2/accounts")]
    [InlineData("/system/crm/accounts")]
    [InlineData("/system/crm/v01/accounts")]
    [InlineData("/system/crm")]
    public async Task Unknown_draft_or_missing_version_answers_404_with_the_supported_versions(string path)
    {
        using var response = await fixture.Gateway.GetAsync(path, fixture.Token("crm", "system:crm"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.VersionNotFound);
        Assert.Equal(["v1"], problem.GetProperty("supportedVersions").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task Retired_version_answers_410_naming_the_successor()
    {
        using var response = await fixture.Gateway.GetAsync("/system/erp/v1/orders", fixture.Token("erp", "system:erp"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.Gone, ProblemTypes.LifecycleRetired);
        Assert.Equal("/system/erp/v3", problem.GetProperty("successor").GetString());
        Assert.Contains("</system/erp/v3>; rel=\"successor-version\"", response.Headers.GetValues("Link"));
    }

    [Fact]
    public async Task Deprecated_version_is_served_with_deprecation_sunset_and_link_headers()
    {
        using var response = await fixture.Gateway.GetAsync("/system/erp/v2/orders", fixture.Token("erp", "system:erp"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"@{TestCatalog.ErpV2DeprecatedAt.ToUnixTimeSeconds()}", Assert.Single(response.Headers.GetValues("Deprecation")));
        Assert.Equal("Thu, 31 Dec 2099 00:00:00 GMT", Assert.Single(response.Headers.GetValues("Sunset")));
        var link = string.Join(", ", response.Headers.GetValues("Link"));
        Assert.Contains("</system/erp/v3>; rel=\"successor-version\"", link);
        Assert.Contains("</catalog/apis/erp>; rel=\"deprecation\"", link);
    }

    [Fact]
    public async Task Active_version_carries_no_lifecycle_headers()
    {
        using var response = await fixture.Gateway.GetAsync("/system/erp/v3/orders", fixture.Token("erp", "system:erp"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Deprecation"));
        Assert.False(response.Headers.Contains("Sunset"));
    }

    [Fact]
    public async Task Version_past_its_sunset_instant_answers_410()
    {
        var sunset = DateTimeOffset.UtcNow.AddHours(1);
        var catalog = TestCatalog.Write(fixture.Backend.Upstream, sunset);
        await using var gateway = await GatewayHost.StartAsync(catalog, fixture.Issuer, new Dictionary<string, string?>());
        var token = fixture.Token("partner-portal", "experience:partner-portal");

        using var before = await gateway.GetAsync("/experience/partner-portal/v1/orders", token);
        gateway.Time.Advance(TimeSpan.FromHours(2));
        using var after = await gateway.GetAsync("/experience/partner-portal/v1/orders", token);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        var expectedSunset = DateTimeOffset.FromUnixTimeSeconds(sunset.ToUnixTimeSeconds()).ToString("R", CultureInfo.InvariantCulture);
        Assert.Equal(expectedSunset, Assert.Single(before.Headers.GetValues("Sunset")));
        var problem = await after.AssertProblemAsync(HttpStatusCode.Gone, ProblemTypes.LifecycleRetired);
        Assert.Equal("/experience/partner-portal/v2", problem.GetProperty("successor").GetString());
        TestCatalog.Delete(catalog);
    }
}
