using System.Diagnostics;
using System.Net;
using ApiPlatform.Gateway.Lifecycle;
using ApiPlatform.Gateway.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace ApiPlatform.Gateway.Tests.Lifecycle;

[Collection(RedisCollection.Name)]
public sealed class SharedLifecycleTests(GatewayFixture fixture)
{
    private static readonly TimeSpan Promise = TimeSpan.FromSeconds(5);

    [SkippableFact]
    public async Task A_change_made_through_one_replica_is_in_force_on_another_within_5_seconds_and_on_a_new_one_at_start()
    {
        await using var redis = await RedisServer.StartAsync();
        // Replicas share the admin audit's database as they share Redis.
        var database = Directory.CreateTempSubdirectory("apiplatform-gateway-replicas-").FullName;
        await using var first = await StartAsync(redis, database);
        await using var second = await StartAsync(redis, database);
        var admin = AdminClient.Token(fixture.Issuer);
        var token = fixture.Token("erp", "system:erp");
        using var before = await second.Host.GetAsync("/system/erp/v3/orders", token);

        var stopwatch = Stopwatch.StartNew();
        using var change = await AdminClient.ChangeLifecycleAsync(first.Host, admin, "erp", 3,
            new { status = "retired", deprecatedAt = DateTimeOffset.UtcNow.AddDays(-1), successor = (int?)null });
        var seen = await WaitForStatusAsync(second.Host, token, HttpStatusCode.Gone);
        stopwatch.Stop();
        await using var third = await StartAsync(redis, database);
        using var onNewReplica = await third.Host.GetAsync("/system/erp/v3/orders", token);
        var audit = await AdminClient.GetJsonAsync(second.Host, admin, "/admin/audit");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        Assert.True(seen, "the second replica never answered 410");
        Assert.True(stopwatch.Elapsed < Promise, $"took {stopwatch.Elapsed}");
        Assert.Equal(HttpStatusCode.Gone, onNewReplica.StatusCode);
        Assert.Equal("retired", audit.GetProperty("items").EnumerateArray().Single().GetProperty("details").GetProperty("after").GetProperty("status").GetString());
    }

    [SkippableFact]
    public async Task A_change_whose_announcement_was_missed_is_picked_up_by_the_next_poll()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var gateway = await StartAsync(redis);
        var token = fixture.Token("erp", "system:erp");
        // Written as another replica would, without the pub/sub announcement.
        await using (var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString))
        {
            var database = connection.GetDatabase();
            await database.HashSetAsync("apiplatform:lifecycle:overrides", "erp:v3",
                """{"state":{"status":"retired","deprecatedAt":"2026-01-01T00:00:00Z"},"changedBy":"ops","changedAt":"2026-01-02T00:00:00Z"}""");
            await database.StringIncrementAsync("apiplatform:lifecycle:revision");
        }

        using var before = await gateway.Host.GetAsync("/system/erp/v3/orders", token);
        gateway.Host.Time.Advance(TimeSpan.FromSeconds(2));
        var seen = await WaitForStatusAsync(gateway.Host, token, HttpStatusCode.Gone);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.True(seen, "the poll did not apply the override");
        Assert.Equal(1, gateway.Host.Services.GetRequiredService<ApiLifecycleRegistry>().Revision);
    }

    private Task<TestGateway> StartAsync(RedisServer redis, string? database = null)
    {
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:redis"] = redis.ConnectionString };
        if (database is not null)
        {
            settings["Database:DataDirectory"] = database;
        }
        return TestGateway.StartAsync(fixture, settings);
    }

    private static async Task<bool> WaitForStatusAsync(GatewayHost gateway, string token, HttpStatusCode expected)
    {
        var deadline = DateTime.UtcNow + Promise;
        while (DateTime.UtcNow < deadline)
        {
            using var response = await gateway.GetAsync("/system/erp/v3/orders", token);
            if (response.StatusCode == expected)
            {
                return true;
            }
            await Task.Delay(50);
        }
        return false;
    }
}
