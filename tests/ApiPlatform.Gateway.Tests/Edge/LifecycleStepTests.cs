using ApiPlatform.Gateway.Edge.Steps;
using ApiPlatform.Gateway.Tests.Infrastructure;
using ApiPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http;

namespace ApiPlatform.Gateway.Tests.Edge;

[Collection(GatewayCollection.Name)]
public sealed class LifecycleStepTests(GatewayFixture fixture)
{
    private readonly EdgeStepHarness edge = new(fixture.Gateway);

    [Theory]
    [InlineData("/system/crm/v9/accounts")]
    [InlineData("/system/crm/v2/accounts")]
    [InlineData("/system/crm/accounts")]
    public async Task An_unknown_draft_or_missing_version_is_answered_404(string path)
    {
        var request = edge.Request("api-crm", "GET", path);

        Assert.False(await edge.Step<LifecycleStep>().AdmitAsync(request));
        EdgeStepHarness.Problem(request, StatusCodes.Status404NotFound, ProblemTypes.VersionNotFound);
    }

    [Fact]
    public async Task A_retired_version_is_answered_410_with_its_successor()
    {
        var request = edge.Request("api-erp", "GET", "/system/erp/v1/items");

        Assert.False(await edge.Step<LifecycleStep>().AdmitAsync(request));
        EdgeStepHarness.Problem(request, StatusCodes.Status410Gone, ProblemTypes.LifecycleRetired);
        Assert.Contains("/system/erp/v3", request.Context.Response.Headers.Link.ToString());
    }

    [Fact]
    public async Task A_deprecated_version_passes_with_Deprecation_Sunset_and_Link()
    {
        var request = edge.Request("api-erp", "GET", "/system/erp/v2/items");

        Assert.True(await edge.Step<LifecycleStep>().AdmitAsync(request));
        var headers = request.Context.Response.Headers;
        Assert.Equal($"@{TestCatalog.ErpV2DeprecatedAt.ToUnixTimeSeconds()}", headers["Deprecation"].ToString());
        Assert.Equal(TestCatalog.ErpV2SunsetAt.ToString("R"), headers["Sunset"].ToString());
        Assert.Contains("rel=\"successor-version\"", headers.Link.ToString());
    }

    [Fact]
    public async Task An_active_version_passes_without_lifecycle_headers()
    {
        var request = edge.Request("api-erp", "GET", "/system/erp/v3/items");

        Assert.True(await edge.Step<LifecycleStep>().AdmitAsync(request));
        Assert.False(request.Context.Response.Headers.ContainsKey("Deprecation"));
    }
}
