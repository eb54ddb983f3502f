using ApiPlatform.Messaging.Tests.Infrastructure;
using ApiPlatform.Messaging.Transports;

namespace ApiPlatform.Messaging.Tests.Transports;

/// <summary>The delivery semantics every transport must have; run against the embedded transport and Redis Streams.</summary>
public abstract class TransportContractTests : IAsyncLifetime
{
    private static readonly TimeSpan Never = TimeSpan.FromHours(1);
    private readonly TempDirectory directory = new();
    private TestTransport? transport;

    protected abstract TestTransport CreateTransport(TempDirectory directory);

    private IMessageTransport Client() => (transport ??= CreateTransport(directory)).CreateClient();

    [SkippableFact]
    public async Task A_group_receives_the_published_messages_in_order()
    {
        var client = Client();
        await client.EnsureGroupAsync("orders", "billing", default);
        await client.PublishAsync("orders", ["m1", "m2", "m3"], default);
        await client.PublishAsync("orders", ["m4"], default);

        var first = await client.ReceiveAsync("orders", "billing", "c1", 2, Never, default);
        var rest = await client.ReceiveAsync("orders", "billing", "c1", 10, Never, default);

        Assert.Equal(["m1", "m2", "m3", "m4"], first.Concat(rest).Select(m => m.Body));
        Assert.All(first.Concat(rest), m => Assert.Equal(1, m.DeliveryCount));
        Assert.Empty(await client.ReceiveAsync("orders", "billing", "c1", 10, Never, default));
    }

    [SkippableFact]
    public async Task A_publish_wakes_the_waiting_consumers_of_its_topic_in_another_client_and_no_others()
    {
        var consumer = Client();
        var publisher = Client();
        await consumer.EnsureGroupAsync("orders", "billing", default);
        // Redis subscribes in the background: the first wake-up shows the subscription is in place.
        Assert.True(await WokenAsync(consumer, publisher, "orders"), "a publish never woke the consumer");

        var orders = consumer.WhenPublished("orders");
        await publisher.PublishAsync("invoices", ["i1"], default);
        await Task.Delay(200);
        Assert.False(orders.IsCompleted);
        await publisher.PublishAsync("orders", ["m2"], default);
        await orders.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [SkippableFact]
    public async Task Every_group_receives_every_message_and_topics_are_separate()
    {
        var client = Client();
        await client.EnsureGroupAsync("orders", "billing", default);
        await client.EnsureGroupAsync("orders", "shipping", default);
        await client.EnsureGroupAsync("invoices", "billing", default);
        await client.PublishAsync("orders", ["o1", "o2"], default);
        await client.PublishAsync("invoices", ["i1"], default);

        Assert.Equal(["o1", "o2"], Bodies(await client.ReceiveAsync("orders", "billing", "c1", 10, Never, default)));
        Assert.Equal(["o1", "o2"], Bodies(await client.ReceiveAsync("orders", "shipping", "c1", 10, Never, default)));
        Assert.Equal(["i1"], Bodies(await client.ReceiveAsync("invoices", "billing", "c1", 10, Never, default)));
    }

    [SkippableFact]
    public async Task A_reset_group_receives_the_topic_again_from_the_start_and_other_groups_are_untouched()
    {
        var client = Client();
        await client.EnsureGroupAsync("orders", "analytics", default);
        await client.EnsureGroupAsync("orders", "billing", default);
        await client.PublishAsync("orders", ["m1", "m2", "m3"], default);
        var first = await client.ReceiveAsync("orders", "analytics", "c1", 10, Never, default);
        await client.AcknowledgeAsync("orders", "analytics", [first[0].Id, first[1].Id], default);
        Assert.Equal(["m1", "m2", "m3"], Bodies(await client.ReceiveAsync("orders", "billing", "c1", 10, Never, default)));

        await client.ResetGroupAsync("orders", "analytics", default);
        await client.PublishAsync("orders", ["m4"], default);

        // Acknowledged and pending alike come again, once each, in order; the pending one is not also reclaimed.
        var replayed = await client.ReceiveAsync("orders", "analytics", "c2", 10, TimeSpan.Zero, default);
        Assert.Equal(["m1", "m2", "m3", "m4"], Bodies(replayed));
        Assert.Equal(["m4"], Bodies(await client.ReceiveAsync("orders", "billing", "c1", 10, Never, default)));
        Assert.Equal(4, await client.GetLagAsync("orders", "analytics", default));
    }

    [SkippableFact]
    public async Task Resetting_a_group_that_does_not_exist_creates_it_at_the_start()
    {
        var client = Client();
        await client.PublishAsync("orders", ["m1"], default);

        await client.ResetGroupAsync("orders", "late", default);

        Assert.Equal(["m1"], Bodies(await client.ReceiveAsync("orders", "late", "c1", 10, Never, default)));
    }

    [SkippableFact]
    public async Task Consumers_of_one_group_share_its_messages_without_overlap()
    {
        var client = Client();
        await client.EnsureGroupAsync("orders", "billing", default);
        await client.PublishAsync("orders", Enumerable.Range(1, 10).Select(i => $"m{i}").ToList(), default);

        var a = await client.ReceiveAsync("orders", "billing", "a", 4, Never, default);
        var b = await client.ReceiveAsync("orders", "billing", "b", 10, Never, default);

        Assert.Equal(4, a.Count);
        Assert.Equal(6, b.Count);
        Assert.Empty(Bodies(a).Intersect(Bodies(b)));
    }

    [SkippableFact]
    public async Task An_acknowledged_message_is_never_delivered_again_an_unacknowledged_one_is_reclaimed_once_idle()
    {
        var client = Client();
        // Both clients are connected before the clock starts: on a loaded machine a connection alone can take longer
        // than a short reclaim time.
        var survivor = Client();
        var reclaimAfter = TimeSpan.FromSeconds(2);
        await client.EnsureGroupAsync("orders", "billing", default);
        await survivor.EnsureGroupAsync("orders", "billing", default);
        await client.PublishAsync("orders", ["acked", "dropped"], default);
        var delivered = await client.ReceiveAsync("orders", "billing", "dying", 10, Never, default);
        await client.AcknowledgeAsync("orders", "billing", [delivered[0].Id], default);

        // A live consumer does not take a message another consumer received a moment ago...
        Assert.Empty(await survivor.ReceiveAsync("orders", "billing", "survivor", 10, reclaimAfter, default));
        await Task.Delay(reclaimAfter + TimeSpan.FromMilliseconds(300));
        // ...but once it has been idle past the reclaim time, the dead consumer's message is handed over.
        var reclaimed = Assert.Single(await survivor.ReceiveAsync("orders", "billing", "survivor", 10, reclaimAfter, default));

        Assert.Equal("dropped", reclaimed.Body);
        Assert.Equal(delivered[1].Id, reclaimed.Id);
        Assert.Equal(2, reclaimed.DeliveryCount);
        await survivor.AcknowledgeAsync("orders", "billing", [reclaimed.Id], default);
        await Task.Delay(700);
        Assert.Empty(await survivor.ReceiveAsync("orders", "billing", "survivor", 10, TimeSpan.FromMilliseconds(500), default));
        Assert.Equal(0, await survivor.GetLagAsync("orders", "billing", default));
    }

    [SkippableFact]
    public async Task Lag_counts_messages_not_yet_delivered_and_those_pending()
    {
        var client = Client();
        await client.EnsureGroupAsync("orders", "billing", default);
        await client.PublishAsync("orders", ["m1", "m2", "m3", "m4", "m5"], default);
        Assert.Equal(5, await client.GetLagAsync("orders", "billing", default));

        var delivered = await client.ReceiveAsync("orders", "billing", "c1", 3, Never, default);
        Assert.Equal(5, await client.GetLagAsync("orders", "billing", default));
        await client.AcknowledgeAsync("orders", "billing", delivered.Select(m => m.Id).ToList(), default);

        Assert.Equal(2, await client.GetLagAsync("orders", "billing", default));
        Assert.Equal(0, await client.GetLagAsync("orders", "nobody", default));
    }

    [SkippableFact]
    public async Task A_group_created_later_starts_from_the_oldest_retained_message_and_ensuring_again_keeps_its_place()
    {
        var client = Client();
        await client.PublishAsync("orders", ["m1", "m2", "m3"], default);
        await client.EnsureGroupAsync("orders", "late", default);
        var first = await client.ReceiveAsync("orders", "late", "c1", 2, Never, default);
        await client.EnsureGroupAsync("orders", "late", default);

        Assert.Equal(["m1", "m2"], Bodies(first));
        Assert.Equal(["m3"], Bodies(await client.ReceiveAsync("orders", "late", "c1", 10, Never, default)));
    }

    [SkippableFact]
    public async Task Trimming_never_drops_a_message_a_group_has_not_acknowledged()
    {
        var client = Client();
        await client.EnsureGroupAsync("orders", "fast", default);
        await client.EnsureGroupAsync("orders", "lagging", default);
        await client.PublishAsync("orders", ["m1", "m2", "m3", "m4", "m5"], default);
        var fast = await client.ReceiveAsync("orders", "fast", "c1", 10, Never, default);
        await client.AcknowledgeAsync("orders", "fast", fast.Take(2).Select(m => m.Id).ToList(), default);

        Assert.Equal(0, await client.TrimAsync("orders", TimeSpan.Zero, default));
        Assert.Equal(["m1", "m2", "m3", "m4", "m5"], Bodies(await client.ReceiveAsync("orders", "lagging", "c1", 10, Never, default)));

        var lagging = await client.ReceiveAsync("orders", "lagging", "c1", 10, Never, default);
        Assert.Empty(lagging);
        await client.AcknowledgeAsync("orders", "lagging", fast.Select(m => m.Id).ToList(), default);
        Assert.Equal(0, await client.TrimAsync("orders", TimeSpan.FromHours(1), default));
        // Now the oldest message any group still needs is m3 (pending in "fast"). The cut-off is a moment after now: with
        // a zero retention, a run that publishes and trims within one millisecond would find nothing old enough.
        Assert.Equal(2, await client.TrimAsync("orders", TimeSpan.FromMilliseconds(-5), default));

        await client.EnsureGroupAsync("orders", "new", default);
        Assert.Equal(["m3", "m4", "m5"], Bodies(await client.ReceiveAsync("orders", "new", "c1", 10, Never, default)));
    }

    private static string[] Bodies(IEnumerable<TransportMessage> messages) => messages.Select(m => m.Body).ToArray();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (transport is not null)
        {
            await transport.DisposeAsync();
        }
        directory.Dispose();
    }

    private static async Task<bool> WokenAsync(IMessageTransport consumer, IMessageTransport publisher, string topic)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var woken = consumer.WhenPublished(topic);
            await publisher.PublishAsync(topic, ["m"], default);
            if (await Task.WhenAny(woken, Task.Delay(100)) == woken)
            {
                return true;
            }
        }
        return false;
    }
}
