using ApiPlatform.Messaging.Tests.Infrastructure;
using ApiPlatform.Messaging.Transports.Redis;
using StackExchange.Redis;

namespace ApiPlatform.Messaging.Tests.Transports;

/// <summary>Against the real redis-server named by APIPLATFORM_TEST_REDIS; skipped without it.</summary>
public sealed class RedisStreamsTransportContractTests : TransportContractTests
{
    protected override TestTransport CreateTransport(TempDirectory directory) => TestTransport.Redis(TestEnvironment.RequireRedis());

    [SkippableFact]
    public async Task A_subscription_that_failed_is_tried_again_and_then_wakes_the_consumer()
    {
        var connection = TestEnvironment.RequireRedis();
        var prefix = $"apiplatform-test:{Guid.NewGuid():N}:";
        var user = $"apiplatform-test-{Guid.NewGuid():N}";
        await using var admin = await ConnectionMultiplexer.ConnectAsync(connection + ",allowAdmin=true");
        var server = admin.GetServer(admin.GetEndPoints()[0]);
        // A user that may use the streams but not (yet) the notification channels: its SUBSCRIBE is refused (NOPERM).
        await server.ExecuteAsync("ACL", "SETUSER", user, "on", ">secret", "~*", "resetchannels", "+@all");
        try
        {
            await using var restricted = await ConnectionMultiplexer.ConnectAsync($"{connection},user={user},password=secret");
            var consumer = new RedisStreamsTransport(restricted, prefix, TimeProvider.System);
            var publisher = new RedisStreamsTransport(admin, prefix, TimeProvider.System);
            await consumer.EnsureGroupAsync("orders", "billing", default);

            var refused = consumer.WhenPublished("orders");
            await Task.Delay(300);
            await publisher.PublishAsync("orders", ["m1"], default);
            Assert.NotSame(refused, await Task.WhenAny(refused, Task.Delay(500)));

            await server.ExecuteAsync("ACL", "SETUSER", user, "allchannels");
            var woken = false;
            var until = DateTime.UtcNow + RedisStreamsTransport.ResubscribeAfter + TimeSpan.FromSeconds(10);
            while (!woken && DateTime.UtcNow < until)
            {
                var next = consumer.WhenPublished("orders");
                await publisher.PublishAsync("orders", ["m"], default);
                woken = await Task.WhenAny(next, Task.Delay(200)) == next;
            }
            Assert.True(woken, "after the permission was granted, no publish woke the consumer: the failed subscription was never tried again");
            Assert.False(refused.IsCompleted);
        }
        finally
        {
            await server.ExecuteAsync("ACL", "DELUSER", user);
            foreach (var key in server.Keys(pattern: prefix + "*"))
            {
                await admin.GetDatabase().KeyDeleteAsync(key);
            }
        }
    }
}
