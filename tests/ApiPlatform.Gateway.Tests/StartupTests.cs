using ApiPlatform.Gateway.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class StartupTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Upstream_override_for_an_unknown_api_stops_the_start_naming_the_key()
    {
        var catalog = TestCatalog.Write(fixture.Backend.Upstream, DateTimeOffset.UtcNow.AddDays(30));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => GatewayHost.StartAsync(catalog, fixture.Issuer,
            new Dictionary<string, string?> { ["Gateway:Upstreams:billing"] = "http://127.0.0.1:1" }));

        Assert.Contains("Gateway:Upstreams:billing", error.Message);
        TestCatalog.Delete(catalog);
    }
}
