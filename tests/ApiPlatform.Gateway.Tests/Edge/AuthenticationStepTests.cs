using ApiPlatform.Gateway.Edge.Steps;
using ApiPlatform.Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace ApiPlatform.Gateway.Tests.Edge;

[Collection(GatewayCollection.Name)]
public sealed class AuthenticationStepTests(GatewayFixture fixture)
{
    private readonly EdgeStepHarness edge = new(fixture.Gateway);

    [Fact]
    public async Task A_request_without_a_token_is_challenged_with_401()
    {
        var request = edge.Request("api-crm", "GET", "/system/crm/v1/accounts");

        Assert.False(await edge.Step<AuthenticationStep>().AdmitAsync(request));

        Assert.Equal(StatusCodes.Status401Unauthorized, request.Context.Response.StatusCode);
        Assert.StartsWith("Bearer", request.Context.Response.Headers.WWWAuthenticate.ToString());
        Assert.Null(request.ClientId);
    }

    [Fact]
    public async Task A_forged_token_is_challenged_with_401()
    {
        var token = fixture.Issuer.CreateToken("crm", "system:crm", clientId: "forger");
        var request = edge.Request("api-crm", "GET", "/system/crm/v1/accounts", token: token[..^4] + "AAAA");

        Assert.False(await edge.Step<AuthenticationStep>().AdmitAsync(request));
        Assert.Equal(StatusCodes.Status401Unauthorized, request.Context.Response.StatusCode);
    }

    [Fact]
    public async Task A_valid_token_names_the_caller_and_once_validated_is_read_from_the_cache_at_once()
    {
        var token = fixture.Issuer.CreateToken("crm", "system:crm", clientId: "step-caller", tenant: "acme");
        var step = edge.Step<AuthenticationStep>();

        var first = edge.Request("api-crm", "GET", "/system/crm/v1/accounts", token);
        Assert.True(await step.AdmitAsync(first));
        Assert.Equal("step-caller", first.ClientId);
        Assert.Equal("acme", first.Tenant);

        var again = step.AdmitAsync(edge.Request("api-crm", "GET", "/system/crm/v1/accounts", token));
        Assert.True(again.IsCompletedSuccessfully);
        Assert.True(await again);
    }
}
