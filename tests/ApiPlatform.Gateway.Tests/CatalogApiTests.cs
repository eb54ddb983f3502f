using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ApiPlatform.Gateway.Tests.Infrastructure;
using ApiPlatform.ServiceDefaults.Errors;

namespace ApiPlatform.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class CatalogApiTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Lists_every_api_anonymously_with_versions_in_force_now()
    {
        using var response = await fixture.Gateway.GetAsync("/catalog/apis");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var apis = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["crm", "erp", "finance", "partner-portal", "quote-to-cash"],
            apis.EnumerateArray().Select(api => api.GetProperty("name").GetString()));

        var erp = apis.EnumerateArray().Single(api => api.GetProperty("name").GetString() == "erp");
        Assert.Equal("system:erp", erp.GetProperty("scope").GetString());
        Assert.Equal("system", erp.GetProperty("tier").GetString());
        Assert.Equal("test-team", erp.GetProperty("owner").GetProperty("team").GetString());
        var versions = erp.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal(["retired", "deprecated", "active"], versions.Select(v => v.GetProperty("status").GetString()));
        Assert.Equal(["/system/erp/v1", "/system/erp/v2", "/system/erp/v3"], versions.Select(v => v.GetProperty("path").GetString()));
        Assert.Equal(3, versions[1].GetProperty("successor").GetInt32());
        Assert.Equal(TestCatalog.ErpV2SunsetAt, versions[1].GetProperty("sunsetAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Describes_one_api_at_its_deprecation_link()
    {
        using var response = await fixture.Gateway.GetAsync("/catalog/apis/erp");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var api = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("erp", api.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Unknown_api_answers_a_problem_404()
    {
        using var response = await fixture.Gateway.GetAsync("/catalog/apis/nope");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, ProblemTypes.NotFound);
    }
}
