using System.Net;
using ApiPlatform.Gateway.RateLimiting;
using ApiPlatform.Gateway.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ApiPlatform.Gateway.Tests.RateLimiting;

[Collection(GatewayCollection.Name)]
public sealed class BucketSweepTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Buckets_nobody_asks_for_are_forgotten_once_their_shared_bucket_has_refilled()
    {
        await using var gateway = await TestGateway.StartAsync(fixture);
        var limiter = gateway.Host.Services.GetRequiredService<GatewayRateLimiter>();
        // sales-test has the internal plan (3 per hour on crm); an unknown client the default plan (600 per minute,
        // burst 100: full again 10 s after its last request).
        foreach (var client in new[] { "sales-test", "sweep-unknown" })
        {
            using var response = await gateway.Host.GetAsync("/system/crm/v1/accounts", fixture.Issuer.CreateToken("crm", "system:crm", clientId: client));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        Assert.Equal(2, limiter.BucketCount);

        // The default plan's bucket is full again after 10 s and forgotten a minute after that...
        gateway.Host.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(0, limiter.Sweep());
        Assert.Equal(2, limiter.BucketCount);
        gateway.Host.Time.Advance(TimeSpan.FromSeconds(60));
        await WaitForAsync(limiter, expected: 1);

        // ...while the internal plan's bucket is kept until its hour (plus a minute) is over; the gateway's own
        // periodic sweep does it.
        gateway.Host.Time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(0, limiter.Sweep());
        Assert.Equal(1, limiter.BucketCount);
        gateway.Host.Time.Advance(TimeSpan.FromMinutes(31));
        await WaitForAsync(limiter, expected: 0);
    }

    private static async Task WaitForAsync(GatewayRateLimiter limiter, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (limiter.BucketCount != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        Assert.Equal(expected, limiter.BucketCount);
    }
}
