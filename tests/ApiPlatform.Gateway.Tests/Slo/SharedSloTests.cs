using ApiPlatform.Gateway.Tests.Infrastructure;

namespace ApiPlatform.Gateway.Tests.Slo;

/// <summary>SLO measurements of two replicas, per version and per consumer, add up in Redis (skipped without a redis-server).</summary>
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

    [SkippableFact]
    public async Task Per_consumer_series_of_two_replicas_add_up_and_the_store_keeps_the_consumer_limit_across_them()
    {
        await using var redis = await RedisServer.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:redis"] = redis.ConnectionString, ["Gateway:UsageFlushInterval"] = "00:00:01", ["Gateway:ConsumerTrafficLimit"] = "1",
        };
        await using var first = await TestGateway.StartAsync(fixture, settings);
        await using var second = await TestGateway.StartAsync(fixture, settings);
        var admin = AdminClient.Token(fixture.Issuer);
        const string traffic = "/catalog/apis/erp/v3/consumers/traffic";
        var partnerA = fixture.Issuer.CreateToken("erp", "system:erp", clientId: "partner-a");
        (await first.Host.GetAsync("/system/erp/v3/orders", partnerA)).Dispose();
        (await first.Host.GetAsync("/system/erp/v3/orders/status/503", partnerA)).Dispose();
        first.Host.Time.Advance(TimeSpan.FromSeconds(2));
        await EventuallyAsync(() => AdminClient.GetJsonAsync(second.Host, admin, traffic), t => t.GetProperty("consumers").GetArrayLength() == 1);

        // The second replica has not seen partner-a: it gives partner-b a series of its own, which the store refuses.
        (await second.Host.GetAsync("/system/erp/v3/orders", fixture.Issuer.CreateToken("erp", "system:erp", clientId: "partner-b"))).Dispose();
        second.Host.Time.Advance(TimeSpan.FromSeconds(2));
        var read = await EventuallyAsync(() => AdminClient.GetJsonAsync(first.Host, admin, traffic),
            t => t.GetProperty("consumers").EnumerateArray().Sum(c => c.GetProperty("requests").GetInt64()) == 3);

        Assert.Equal([("partner-a", 2L, 1L), ("(other)", 1L, 0L)], read.GetProperty("consumers").EnumerateArray()
            .Select(c => (c.GetProperty("clientId").GetString(), c.GetProperty("requests").GetInt64(), c.GetProperty("serverErrors").GetInt64())));
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
