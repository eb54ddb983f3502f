using System.Net;
using ApiPlatform.Gateway.Tests.Infrastructure;
using ApiPlatform.ServiceDefaults.Errors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Gateway.Tests;

/// <summary>The token server's <c>/connect/*</c> endpoints are limited per source address at the edge; discovery is not.</summary>
[Collection(GatewayCollection.Name)]
public sealed class TokenEndpointLimitTests(GatewayFixture fixture)
{
    private const int Limit = 3;

    [Fact]
    public async Task Token_requests_within_the_limit_reach_the_token_server_and_the_next_one_is_429_with_retry_after()
    {
        await using var gateway = await StartAsync();
        var before = fixture.Issuer.TokenRequests;

        var admitted = new List<HttpStatusCode>();
        for (var i = 0; i < Limit; i++)
        {
            using var attempt = await RequestTokenAsync(gateway);
            admitted.Add(attempt.StatusCode);
        }
        using var refused = await RequestTokenAsync(gateway);

        Assert.All(admitted, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.Equal(before + Limit, fixture.Issuer.TokenRequests);
        await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests, ProblemTypes.RateLimited);
        Assert.Equal(TimeSpan.FromSeconds(20), refused.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Tokens_come_back_at_the_configured_rate()
    {
        await using var gateway = await StartAsync();
        for (var i = 0; i <= Limit; i++)
        {
            (await RequestTokenAsync(gateway)).Dispose();
        }

        gateway.Host.Time.Advance(TimeSpan.FromSeconds(20));
        using var again = await RequestTokenAsync(gateway);
        using var spent = await RequestTokenAsync(gateway);

        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, spent.StatusCode);
    }

    [Fact]
    public async Task Discovery_and_keys_are_not_limited()
    {
        await using var gateway = await StartAsync();
        for (var i = 0; i <= Limit; i++)
        {
            (await RequestTokenAsync(gateway)).Dispose();
        }

        for (var i = 0; i <= Limit; i++)
        {
            using var discovery = await gateway.Host.GetAsync("/.well-known/openid-configuration");
            using var keys = await gateway.Host.GetAsync("/.well-known/jwks");
            Assert.Equal(HttpStatusCode.OK, discovery.StatusCode);
            Assert.Equal(HttpStatusCode.OK, keys.StatusCode);
        }
    }

    [Fact]
    public async Task Sign_in_posts_have_a_tighter_limit_per_address_and_the_form_itself_is_not_counted()
    {
        await using var gateway = await TestGateway.StartAsync(fixture, new Dictionary<string, string?>
        {
            ["Gateway:TokenEndpoint:SignInLimit:Requests"] = "2",
            ["Gateway:TokenEndpoint:SignInLimit:WindowSeconds"] = "300",
            ["Gateway:TokenEndpoint:SignInLimit:Burst"] = "0",
        });

        var admitted = new List<HttpStatusCode>();
        for (var i = 0; i < 2; i++)
        {
            using var form = await gateway.Host.GetAsync("/connect/signin?returnUrl=x");
            using var attempt = await PostSignInAsync(gateway);
            admitted.Add(form.StatusCode);
            admitted.Add(attempt.StatusCode);
        }
        using var refused = await PostSignInAsync(gateway);
        using var token = await RequestTokenAsync(gateway);

        // The test issuer serves no sign-in form: reaching it is its 404.
        Assert.All(admitted, status => Assert.Equal(HttpStatusCode.NotFound, status));
        await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests, ProblemTypes.RateLimited);
        Assert.Equal(TimeSpan.FromSeconds(150), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);
    }

    [Fact]
    public void The_sign_in_default_is_10_posts_per_5_minutes()
    {
        var limit = fixture.Gateway.Services.GetRequiredService<IOptions<Routing.TokenEndpointOptions>>().Value.SignInLimit;

        Assert.Equal((10, 300, 10), (limit.Requests, limit.WindowSeconds, limit.Burst));
    }

    [Fact]
    public void The_default_is_20_requests_per_10_seconds_with_a_burst_of_40()
    {
        var limit = fixture.Gateway.Services.GetRequiredService<IOptions<Routing.TokenEndpointOptions>>().Value.RateLimit;

        Assert.Equal((20, 10, 40), (limit.Requests, limit.WindowSeconds, limit.Burst));
    }

    [Fact]
    public async Task A_limit_out_of_range_stops_the_start_naming_the_key()
    {
        var catalog = TestCatalog.Write(fixture.Backend.Upstream, DateTimeOffset.UtcNow.AddDays(30));
        try
        {
            var error = await Assert.ThrowsAsync<OptionsValidationException>(() => GatewayHost.StartAsync(catalog, fixture.Issuer,
                new Dictionary<string, string?> { ["Gateway:TokenEndpoint:RateLimit:Requests"] = "0" }));

            Assert.Contains("Gateway:TokenEndpoint:RateLimit:Requests", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            TestCatalog.Delete(catalog);
        }
    }

    /// <summary>A gateway of the test's own allowing <see cref="Limit"/> token requests per minute, all at once.</summary>
    private Task<TestGateway> StartAsync() => TestGateway.StartAsync(fixture, new Dictionary<string, string?>
    {
        ["Gateway:TokenEndpoint:RateLimit:Requests"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Gateway:TokenEndpoint:RateLimit:WindowSeconds"] = "60",
        ["Gateway:TokenEndpoint:RateLimit:Burst"] = "0",
    });

    private static Task<HttpResponseMessage> PostSignInAsync(TestGateway gateway) =>
        gateway.Host.SendAsync(HttpMethod.Post, "/connect/signin", content: new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "ada",
            ["password"] = "guess",
        }));

    private static Task<HttpResponseMessage> RequestTokenAsync(TestGateway gateway) =>
        gateway.Host.SendAsync(HttpMethod.Post, "/connect/token", content: new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "sales-test",
            ["client_secret"] = "guess",
        }));
}
