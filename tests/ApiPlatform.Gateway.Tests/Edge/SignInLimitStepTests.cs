using ApiPlatform.Gateway.Edge.Steps;
using ApiPlatform.Gateway.Tests.Infrastructure;
using ApiPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http;

namespace ApiPlatform.Gateway.Tests.Edge;

[Collection(GatewayCollection.Name)]
public sealed class SignInLimitStepTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Sign_in_posts_spend_a_budget_of_their_own_and_other_token_server_calls_do_not()
    {
        await using var gateway = await TestGateway.StartAsync(fixture, new Dictionary<string, string?>
        {
            ["Gateway:TokenEndpoint:SignInLimit:Requests"] = "2",
            ["Gateway:TokenEndpoint:SignInLimit:WindowSeconds"] = "300",
            ["Gateway:TokenEndpoint:SignInLimit:Burst"] = "0",
        });
        var edge = new EdgeStepHarness(gateway.Host);
        var step = edge.Step<SignInLimitStep>();

        // The form itself and token requests are not password guesses.
        for (var i = 0; i < 5; i++)
        {
            Assert.True(await step.AdmitAsync(edge.Request("identity-connect", "GET", "/connect/signin")));
            Assert.True(await step.AdmitAsync(edge.Request("identity-connect", "POST", "/connect/token")));
        }

        Assert.True(await step.AdmitAsync(edge.Request("identity-connect", "POST", "/connect/signin")));
        Assert.True(await step.AdmitAsync(edge.Request("identity-connect", "POST", "/connect/SignIn")));
        var refused = edge.Request("identity-connect", "POST", "/connect/signin");
        Assert.False(await step.AdmitAsync(refused));
        var problem = EdgeStepHarness.Problem(refused, StatusCodes.Status429TooManyRequests, ProblemTypes.RateLimited);
        Assert.StartsWith("Sign-in allows 2 attempts per 300 s from one address", problem.GetProperty("detail").GetString());
    }
}
