using System.Security.Claims;
using ApiPlatform.Gateway.Edge.Steps;
using ApiPlatform.Gateway.Hardening;
using ApiPlatform.Gateway.Tests.Infrastructure;
using ApiPlatform.Gateway.Usage;
using ApiPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ApiPlatform.Gateway.Tests.Edge;

[Collection(GatewayCollection.Name)]
public sealed class PlanLimitStepTests(GatewayFixture fixture)
{
    [Fact]
    public async Task The_plan_admits_its_budget_counts_the_usage_then_answers_429_with_Retry_After()
    {
        await using var gateway = await TestGateway.StartAsync(fixture);
        var edge = new EdgeStepHarness(gateway.Host);
        var step = edge.Step<PlanLimitStep>();
        var usage = gateway.Host.Services.GetRequiredService<UsageRecorder>();

        // sales-test has the internal plan, which the test catalog limits to 3 requests an hour on crm.
        for (var i = 0; i < TestCatalog.CrmInternalRequestsPerHour; i++)
        {
            var admitted = Caller(edge, "sales-test");
            Assert.True(await step.AdmitAsync(admitted));
            Assert.Equal("internal", admitted.RateLimitPolicy?.Plan);
        }
        Assert.Equal(TestCatalog.CrmInternalRequestsPerHour, usage.Pending("crm", 1).Single(c => c.ClientId == "sales-test").Counter.Requests);

        var refused = Caller(edge, "sales-test");
        Assert.False(await step.AdmitAsync(refused));
        var problem = EdgeStepHarness.Problem(refused, StatusCodes.Status429TooManyRequests, ProblemTypes.RateLimited);
        Assert.Equal("internal", problem.GetProperty("plan").GetString());
        Assert.True(int.Parse(refused.Context.Response.Headers.RetryAfter.ToString()) > 0);
        Assert.Equal(TestCatalog.CrmInternalRequestsPerHour, usage.Pending("crm", 1).Single(c => c.ClientId == "sales-test").Counter.Requests);

        // Another consumer has a budget of its own.
        Assert.True(await step.AdmitAsync(Caller(edge, "someone-else")));
    }

    private static GatewayRequest Caller(EdgeStepHarness edge, string client)
    {
        var request = edge.Request("api-crm", "GET", "/system/crm/v1/accounts");
        request.Authenticated(new ClaimsPrincipal(new ClaimsIdentity([new Claim("scope", "system:crm"), new Claim("client_id", client)], "test")));
        return request;
    }
}
