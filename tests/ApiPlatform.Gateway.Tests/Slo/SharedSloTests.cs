using ApiPlatform.Gateway.Tests.Infrastructure;

namespace ApiPlatform.Gateway.Tests.Slo;

/// <summary>SLO measurements of two replicas add up in Redis (skipped without a redis-server).</summary>
[Collection(RedisCollection.Name)]
public sealed class SharedSloTests(GatewayFixture fixture)
{
    [SkippableFact]
    public async Task Requests_measured_by_two_replicas_are_one_compliance()
    {
        await using var redis = await RedisServer.StartAsync();
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:redis"] = redis.ConnectionString, ["Gateway:UsageFlushInterval"] = "00:00:01" };
        await using var first = await TestGateway.StartAsync(fixture, settings);
        await using var second = await TestGateway.StartAsync(fixture, settings);
        var token = fixture.Token("erp", "system:erp");
        for (var i = 0; i < 4; i++)
        {
            (await first.Host.GetAsync("/system/erp/v3/orders", token)).Dispose();
        }
        (await second.Host.GetAsync("/system/erp/v3/orders/status/503", token)).Dispose();
        first.Host.Time.Advance(TimeSpan.FromSeconds(2));
        second.Host.Time.Advance(TimeSpan.FromSeconds(2));

        var compliance = await EventuallyAsync(() => AdminClient.GetJsonAsync(second.Host, AdminClient.Token(fixture.Issuer), "/catalog/apis/erp/v3/slo"),
            c => c.GetProperty("requests").GetInt64() == 5);

        Assert.Equal((5, 1, 80.0), (compliance.GetProperty("requests").GetInt64(), compliance.GetProperty("serverErrors").GetInt64(),
            compliance.GetProperty("measuredAvailability").GetDouble()));
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }
            await Task.Delay(100);
        }
    }
}
