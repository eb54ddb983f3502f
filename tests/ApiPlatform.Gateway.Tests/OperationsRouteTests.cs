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
    public async Task The_apis_own_scope_does_not_open_its_operations_endpoints()
    {
        using var response = await fixture.Gateway.GetAsync("/system/crm/messaging/dead-letters", fixture.Token("crm", "system:crm"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
    }

    [Fact]
    public async Task Operations_endpoints_need_a_token()
    {
        using var response = await fixture.Gateway.GetAsync("/system/crm/messaging/dead-letters");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, ProblemTypes.Unauthorized);
    }
}
