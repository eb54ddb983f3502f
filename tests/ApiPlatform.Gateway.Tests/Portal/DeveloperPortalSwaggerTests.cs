using System.Net;
using ApiPlatform.Gateway.Portal;
using ApiPlatform.Gateway.Tests.Infrastructure;

namespace ApiPlatform.Gateway.Tests.Portal;

/// <summary>
/// The portal's Swagger UI is built at the first request for it (a gateway nobody browses never loads it): the first
/// requests, arriving together, all get the page under the portal's policy, with every served version to try.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class DeveloperPortalSwaggerTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Concurrent_first_requests_all_get_swagger_ui_under_the_portal_policy_with_the_served_versions()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            fixture.Gateway.GetAsync(i % 2 == 0 ? "/developers/swagger/index.html" : "/developers/swagger/index.js")));

        foreach (var response in responses)
        {
            using (response)
            {
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
                Assert.Equal(DeveloperPortal.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
            }
        }
        using var script = await fixture.Gateway.GetAsync("/developers/swagger/index.js");
        var configuration = await script.Content.ReadAsStringAsync();
        Assert.Contains("/catalog/apis/crm/v1/openapi.json", configuration, StringComparison.Ordinal);
        Assert.Contains("crm v1", configuration, StringComparison.Ordinal);
    }
}
