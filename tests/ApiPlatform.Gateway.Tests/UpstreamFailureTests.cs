using System.Diagnostics;
using System.Net;
using ApiPlatform.Gateway.Tests.Infrastructure;
using ApiPlatform.ServiceDefaults.Errors;

namespace ApiPlatform.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class UpstreamFailureTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Upstream_slower_than_the_catalog_timeout_answers_a_problem_504()
    {
        var stopwatch = Stopwatch.StartNew();
        using var response = await fixture.Gateway.GetAsync("/process/quote-to-cash/v1/slow", fixture.Token("quote-to-cash", "process:quote-to-cash"),
            headers => headers.Add("X-Correlation-Id", "slow-1"));
        stopwatch.Stop();

        await response.AssertProblemAsync(HttpStatusCode.GatewayTimeout, ProblemTypes.UpstreamTimeout);
        Assert.Equal("slow-1", Assert.Single(response.Headers.GetValues("X-Correlation-Id")));
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromSeconds(0.9), TestBackend.SlowDelay - TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Stopped_upstream_answers_a_problem_503_within_a_second()
    {
        var backend = await TestBackend.StartAsync();
        var catalog = TestCatalog.Write(fixture.Backend.Upstream, DateTimeOffset.UtcNow.AddDays(30));
        await using var gateway = await GatewayHost.StartAsync(catalog, fixture.Issuer, new Dictionary<string, string?>
        {
            ["Gateway:Upstreams:finance"] = backend.Upstream,
        });
        var token = fixture.Token("finance", "system:finance");
        using var before = await gateway.GetAsync("/system/finance/v1/invoices", token);
        await backend.DisposeAsync();

        var stopwatch = Stopwatch.StartNew();
        using var response = await gateway.GetAsync("/system/finance/v1/invoices", token);
        stopwatch.Stop();

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, ProblemTypes.UpstreamUnavailable);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1), $"503 took {stopwatch.Elapsed}");
        TestCatalog.Delete(catalog);
    }
}
