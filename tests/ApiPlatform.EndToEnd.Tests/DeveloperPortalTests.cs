using System.Net;
using System.Text.Json;

namespace ApiPlatform.EndToEnd.Tests;

[Collection(PlatformCollection.Name)]
public sealed class DeveloperPortalTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_published_version_is_documented_for_callers_of_the_gateway()
    {
        var document = await (await platform.Gateway.GetAsync("/catalog/apis/crm/v1/openapi.json")).AssertJsonAsync(HttpStatusCode.OK);

        var gateway = platform.Platform.GatewayUrl.AbsoluteUri;
        Assert.Equal(gateway + "system/crm", document.GetProperty("servers")[0].GetProperty("url").GetString());
        var flow = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("oauth2").GetProperty("flows").GetProperty("clientCredentials");
        Assert.Equal(gateway + "connect/token", flow.GetProperty("tokenUrl").GetString());
        Assert.True(flow.GetProperty("scopes").TryGetProperty("system:crm", out _));
        Assert.Equal("system:crm", document.GetProperty("security")[0].GetProperty("oauth2")[0].GetString());
        Assert.True(document.GetProperty("paths").TryGetProperty("/v1/accounts", out _));
        Assert.Equal("active", document.GetProperty("info").GetProperty("x-lifecycle").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_deprecated_version_marks_every_operation_deprecated()
    {
        var document = await (await platform.Gateway.GetAsync("/catalog/apis/analytics/v1/openapi.json")).AssertJsonAsync(HttpStatusCode.OK);

        var operations = document.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject()).ToList();
        Assert.NotEmpty(operations);
        Assert.All(operations, o => Assert.True(o.Value.GetProperty("deprecated").GetBoolean(), o.Name));
        Assert.Equal("2099-01-01T00:00:00.0000000+00:00", document.GetProperty("info").GetProperty("x-lifecycle").GetProperty("sunsetAt").GetString());
    }

    [Theory]
    [InlineData("/catalog/apis/analytics/v2/openapi.json")]
    [InlineData("/catalog/apis/crm/v9/openapi.json")]
    [InlineData("/catalog/apis/billing/v1/openapi.json")]
    public async Task An_unpublished_version_has_no_document(string path)
    {
        await (await platform.Gateway.GetAsync(path)).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task The_portal_and_swagger_ui_are_served_by_the_gateway_without_a_cdn()
    {
        var portal = await platform.Gateway.GetAsync("/developers");
        var swagger = await platform.Gateway.GetAsync("/developers/swagger/index.html");

        Assert.Equal(HttpStatusCode.OK, portal.StatusCode);
        Assert.Equal("text/html", portal.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, swagger.StatusCode);
        Assert.Contains("script-src 'self'", portal.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", swagger.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        foreach (var page in new[] { await portal.Content.ReadAsStringAsync(), await swagger.Content.ReadAsStringAsync() })
        {
            Assert.DoesNotContain("src=\"http", page, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("href=\"http", page, StringComparison.OrdinalIgnoreCase);
        }
    }

    [SkippableFact]
    public async Task The_portal_lists_every_api_in_a_headless_browser()
    {
        var check = await PortalBrowserCheck.RunAsync(platform.Platform.GatewayUrl);

        var listed = check.GetProperty("apis").EnumerateArray().Select(a => a.GetProperty("name").GetString()).Order().ToList();
        Assert.Equal(["analytics", "crm", "erp", "finance", "partner-portal", "procure-to-pay", "quote-to-cash", "reconciliation"], listed);
        var analytics = check.GetProperty("apis").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "analytics");
        Assert.Contains(analytics.GetProperty("versions").EnumerateArray(), v => v.GetProperty("status").GetString() == "deprecated");
        Assert.True(check.GetProperty("operations").GetInt32() > 0, check.ToString());
        Assert.Equal(1, check.GetProperty("authorize").GetInt32());
        Assert.Empty(check.GetProperty("errors").EnumerateArray());
    }
}
