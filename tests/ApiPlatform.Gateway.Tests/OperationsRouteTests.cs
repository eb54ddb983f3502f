using System.Net;
using System.Net.Http.Json;
using ApiPlatform.Gateway.Tests.Infrastructure;
using ApiPlatform.ServiceDefaults.Errors;

namespace ApiPlatform.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class OperationsRouteTests(GatewayFixture fixture)
{
    [Fact]
    public async Task A_platform_admin_reaches_a_services_operations_endpoints_without_a_version()
    {
        var token = fixture.Token("platform", "platform:admin");

        using var response = await fixture.Gateway.GetAsync("/system/crm/messaging/dead-letters?type=crm.account.changed.v1", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echoed = await response.Content.ReadFromJsonAsync<EchoedRequest>();
        Assert.Equal("/messaging/dead-letters?type=crm.account.changed.v1", echoed!.Target);
    }

    [Fact]
    public async Task A_platform_admin_reaches_a_process_apis_workflow_operations_without_a_version()
    {
        var token = fixture.Token("platform", "platform:admin");

        using var response = await fixture.Gateway.GetAsync("/process/quote-to-cash/workflows/stalled?type=quote-to-cash.order", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echoed = await response.Content.ReadFromJsonAsync<EchoedRequest>();
        Assert.Equal("/workflows/stalled?type=quote-to-cash.order", echoed!.Target);
    }

    [Theory]
    [InlineData("/system/crm/messaging/dead-letters", "crm", "system:crm")]
    [InlineData("/process/quote-to-cash/workflows/instances", "quote-to-cash", "process:quote-to-cash")]
    public async Task The_apis_own_scope_does_not_open_its_operations_endpoints(string path, string audience, string scope)
    {
        using var response = await fixture.Gateway.GetAsync(path, fixture.Token(audience, scope));

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
    }

    [Fact]
    public async Task Operations_endpoints_need_a_token()
    {
        using var response = await fixture.Gateway.GetAsync("/system/crm/messaging/dead-letters");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, ProblemTypes.Unauthorized);
    }
}
