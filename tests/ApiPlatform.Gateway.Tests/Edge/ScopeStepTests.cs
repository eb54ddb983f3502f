using System.Security.Claims;
using ApiPlatform.Gateway.Edge.Steps;
using ApiPlatform.Gateway.Hardening;
using ApiPlatform.Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace ApiPlatform.Gateway.Tests.Edge;

[Collection(GatewayCollection.Name)]
public sealed class ScopeStepTests(GatewayFixture fixture)
{
    private readonly EdgeStepHarness edge = new(fixture.Gateway);

    [Fact]
    public async Task A_caller_without_the_APIs_scope_is_refused_403()
    {
        var request = Caller("api-crm", "/system/crm/v1/accounts", "system:erp");

        Assert.False(await edge.Step<ScopeStep>().AdmitAsync(request));
        Assert.Equal(StatusCodes.Status403Forbidden, request.Context.Response.StatusCode);
    }

    [Fact]
    public async Task A_caller_with_the_APIs_scope_passes()
    {
        Assert.True(await edge.Step<ScopeStep>().AdmitAsync(Caller("api-crm", "/system/crm/v1/accounts", "system:erp system:crm")));
    }

    [Fact]
    public async Task Operations_routes_need_platform_admin_even_from_the_APIs_own_callers()
    {
        var step = edge.Step<ScopeStep>();

        var owner = Caller("operations-crm-messaging", "/system/crm/messaging/dead-letters", "system:crm");
        Assert.False(await step.AdmitAsync(owner));
        Assert.Equal(StatusCodes.Status403Forbidden, owner.Context.Response.StatusCode);

        Assert.True(await step.AdmitAsync(Caller("operations-crm-messaging", "/system/crm/messaging/dead-letters", "platform:admin")));
    }

    [Fact]
    public async Task Anonymous_routes_need_no_scope()
    {
        Assert.True(await edge.Step<ScopeStep>().AdmitAsync(edge.Request("identity-connect", "POST", "/connect/token")));
    }

    private GatewayRequest Caller(string route, string path, string scope)
    {
        var request = edge.Request(route, "GET", path);
        request.Authenticated(new ClaimsPrincipal(new ClaimsIdentity([new Claim("scope", scope), new Claim("client_id", "scoped")], "test")));
        return request;
    }
}
