using System.Net;
using ApiPlatform.Gateway.Tests.Infrastructure;
using ApiPlatform.ServiceDefaults.Errors;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Gateway.Tests.RateLimiting;

[Collection(GatewayCollection.Name)]
public sealed class RateLimitTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Every_response_on_a_limited_route_carries_the_ratelimit_fields()
    {
        using var response = await fixture.Gateway.GetAsync("/system/erp/v3/orders", fixture.Token("erp", "system:erp"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"partner-standard\";q=600;w=60", Assert.Single(response.Headers.GetValues("RateLimit-Policy")));
        Assert.Matches("^\"partner-standard\";r=\\d+;t=\\d+$", Assert.Single(response.Headers.GetValues("RateLimit")));
    }

    [Fact]
    public async Task The_consumers_plan_with_the_catalogs_override_answers_429_problem_with_retry_after_once_spent()
    {
        await using var gateway = await TestGateway.StartAsync(fixture);
        var token = fixture.Issuer.CreateToken("crm", "system:crm", clientId: "sales-test");

        var admitted = new List<HttpStatusCode>();
        for (var i = 0; i < TestCatalog.CrmInternalRequestsPerHour; i++)
        {
            using var ok = await gateway.Host.GetAsync("/system/crm/v1/accounts", token);
            admitted.Add(ok.StatusCode);
        }
        using var refused = await gateway.Host.GetAsync("/system/crm/v1/accounts", token);

        Assert.All(admitted, status => Assert.Equal(HttpStatusCode.OK, status));
        var problem = await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests, ProblemTypes.RateLimited);
        Assert.Equal("internal", problem.GetProperty("plan").GetString());
        Assert.Equal(1200, int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("\"internal\";q=3;w=3600", Assert.Single(refused.Headers.GetValues("RateLimit-Policy")));
        Assert.StartsWith("\"internal\";r=0;", Assert.Single(refused.Headers.GetValues("RateLimit")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tokens_come_back_at_the_plans_rate()
    {
        await using var gateway = await TestGateway.StartAsync(fixture);
        var token = fixture.Issuer.CreateToken("crm", "system:crm", clientId: "sales-test");
        for (var i = 0; i < TestCatalog.CrmInternalRequestsPerHour; i++)
        {
            (await gateway.Host.GetAsync("/system/crm/v1/accounts", token)).Dispose();
        }

        gateway.Host.Time.Advance(TimeSpan.FromMinutes(20));
        using var again = await gateway.Host.GetAsync("/system/crm/v1/accounts", token);
        using var spent = await gateway.Host.GetAsync("/system/crm/v1/accounts", token);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, spent.StatusCode);
    }

    [Fact]
    public async Task A_client_outside_consumers_yaml_gets_the_plan_of_its_token_and_its_burst()
    {
        await using var gateway = await TestGateway.StartAsync(fixture, new Dictionary<string, string?>
        {
            ["Gateway:Plans:tiny:Requests"] = "60",
            ["Gateway:Plans:tiny:WindowSeconds"] = "60",
            ["Gateway:Plans:tiny:Burst"] = "2",
        });
        var token = fixture.Issuer.CreateToken("erp", "system:erp", clientId: "stranger", plan: "tiny");

        var first = await Statuses(gateway.Host, token, 3);
        gateway.Host.Time.Advance(TimeSpan.FromSeconds(1));
        var later = await Statuses(gateway.Host, token, 2);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], first);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.TooManyRequests], later);
    }

    [Fact]
    public async Task A_consumer_plan_that_is_not_defined_stops_the_start_naming_the_key()
    {
        var catalog = TestCatalog.Write(fixture.Backend.Upstream, DateTimeOffset.UtcNow.AddDays(30));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => GatewayHost.StartAsync(catalog, fixture.Issuer,
            new Dictionary<string, string?> { ["Gateway:DefaultPlan"] = "gold" }));

        Assert.Contains("'Gateway:DefaultPlan'", error.Message, StringComparison.Ordinal);
        TestCatalog.Delete(catalog);
    }

    private static async Task<List<HttpStatusCode>> Statuses(GatewayHost gateway, string token, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var response = await gateway.GetAsync("/system/erp/v3/orders", token);
            statuses.Add(response.StatusCode);
        }
        return statuses;
    }
}
