using System.Net;
using StackExchange.Redis;

namespace ApiPlatform.EndToEnd.Tests;

[Collection(PlatformCollection.Name)]
public sealed class ConsumerUsageTests(PlatformFixture platform)
{
    [Fact]
    public async Task Calls_are_counted_per_consumer_in_redis_and_listed_for_platform_admins()
    {
        using var globex = await platform.GlobexAsync();
        using var admin = await platform.ClientAsync("platform-admin", "admin-secret");
        var before = await RequestsInRedis("partner-globex");

        for (var i = 0; i < 3; i++)
        {
            await (await globex.GetAsync("/experience/partner-portal/v1/quotes")).AssertJsonAsync(HttpStatusCode.OK);
        }

        // The gateway flushes its counts to Redis in the background; the shared hash must show all three calls.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await RequestsInRedis("partner-globex") < before + 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        Assert.Equal(before + 3, await RequestsInRedis("partner-globex"));

        var consumers = await (await admin.GetAsync("/catalog/apis/partner-portal/v1/consumers")).AssertJsonAsync(HttpStatusCode.OK);
        var entry = consumers.EnumerateArray().Single(c => c.GetProperty("clientId").GetString() == "partner-globex");
        Assert.Equal(before + 3, entry.GetProperty("requests").GetInt64());
        Assert.True(entry.GetProperty("lastSeen").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-1));
    }

    [Fact]
    public async Task Only_platform_admins_may_list_consumers()
    {
        using var acme = await platform.AcmeAsync();

        var response = await acme.GetAsync("/catalog/apis/partner-portal/v1/consumers");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    private async Task<long> RequestsInRedis(string clientId)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(platform.Platform.RedisConnectionString);
        var value = await redis.GetDatabase().HashGetAsync("apiplatform:usage:partner-portal:v1", $"{clientId}|requests");
        return value.IsNull ? 0 : (long)value;
    }
}
