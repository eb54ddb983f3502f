using ApiPlatform.Gateway.Edge.Steps;
using ApiPlatform.Gateway.Tests.Infrastructure;
using ApiPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http;

namespace ApiPlatform.Gateway.Tests.Edge;

[Collection(GatewayCollection.Name)]
public sealed class SourceLimitStepTests(GatewayFixture fixture)
{
    private static readonly Dictionary<string, string?> TightLimits = new()
    {
        ["Gateway:TokenEndpoint:RateLimit:Requests"] = "2",
        ["Gateway:TokenEndpoint:RateLimit:WindowSeconds"] = "60",
        ["Gateway:TokenEndpoint:RateLimit:Burst"] = "0",
        ["Gateway:TokenEndpoint:SignInLimit:Requests"] = "1",
        ["Gateway:TokenEndpoint:SignInLimit:WindowSeconds"] = "300",
        ["Gateway:TokenEndpoint:SignInLimit:Burst"] = "0",
    };

    [Fact]
    public async Task The_token_endpoint_limits_each_source_address_and_an_IPv6_source_as_its_64()
    {
        await using var gateway = await TestGateway.StartAsync(fixture, TightLimits);
        var edge = new EdgeStepHarness(gateway.Host);
        var step = edge.Step<SourceLimitStep>();

        Assert.True(await step.AdmitAsync(edge.Request("identity-connect", "POST", "/connect/token", address: "2001:db8:1:2::1")));
        Assert.True(await step.AdmitAsync(edge.Request("identity-connect", "POST", "/connect/token", address: "2001:db8:1:2::ffff")));
        var refused = edge.Request("identity-connect", "POST", "/connect/token", address: "2001:db8:1:2:abcd::9");
        Assert.False(await step.AdmitAsync(refused));
        var problem = EdgeStepHarness.Problem(refused, StatusCodes.Status429TooManyRequests, ProblemTypes.RateLimited);
        Assert.StartsWith("The token endpoint allows 2 requests per 60 s from one address", problem.GetProperty("detail").GetString());

        // Another /64 has a budget of its own.
        Assert.True(await step.AdmitAsync(edge.Request("identity-connect", "POST", "/connect/token", address: "2001:db8:1:3::1")));
    }

    [Fact]
    public async Task Routes_without_a_source_limit_pass()
    {
        await using var gateway = await TestGateway.StartAsync(fixture, TightLimits);
        var edge = new EdgeStepHarness(gateway.Host);

        for (var i = 0; i < 5; i++)
        {
            Assert.True(await edge.Step<SourceLimitStep>().AdmitAsync(edge.Request("api-crm", "GET", "/system/crm/v1/accounts")));
        }
    }
}
