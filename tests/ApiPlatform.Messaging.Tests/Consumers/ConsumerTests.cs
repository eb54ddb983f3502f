using ApiPlatform.Messaging.DeadLetters;
using ApiPlatform.Messaging.Inbox;
using ApiPlatform.Messaging.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.Messaging.Tests.Consumers;

public sealed class ConsumerTests
{
    private const string Topic = "proof";

    private static Task<ServiceUnderTest> ServiceAsync() =>
        ServiceUnderTest.CreateAsync(m => m.Handles<OrderPlaced, RecordEffect>(RecordEffect.Group), new Dictionary<string, string?>
        {
            ["Messaging:Consumer:RetryBaseDelay"] = "00:00:01",
            ["Messaging:Consumer:RetryMaxDelay"] = "00:00:30",
            ["Messaging:Consumer:ReclaimAfter"] = "00:05:00",
        });

    [Fact]
    public async Task A_redelivered_event_has_no_second_effect()
    {
        await using var service = await ServiceAsync();
        var worker = service.Worker();
        var envelope = Envelopes.For(new OrderPlaced("order-1", 1, 1), id: "event-1");
        await worker.RunOnceAsync(default);
        await service.Bus.PublishAsync(Topic, [envelope, envelope], default);

        await worker.RunOnceAsync(default);
        await service.Bus.PublishAsync(Topic, [envelope], default);
        await worker.RunOnceAsync(default);

        Assert.Single(await service.EffectsAsync());
        Assert.Single(await service.QueryAsync(d => d.Set<InboxMessage>().ToListAsync()));
        Assert.Equal(0, await service.Bus.GetLagAsync(Topic, RecordEffect.Group, default));
    }

    [Fact]
    public async Task An_idle_worker_is_woken_by_a_publish_to_its_topic_without_waiting_out_its_poll_interval()
    {
        await using var service = await ServiceAsync();
        using var stop = new CancellationTokenSource();
        // The fake clock never moves, so a worker that only slept out its poll interval would never look again.
        var running = Task.Run(() => service.Worker().RunAsync(stop.Token));
        try
        {
            await Task.Delay(200);
            await service.Bus.PublishAsync(Topic, [Envelopes.For(new OrderPlaced("order-1", 1, 1))], default);

            Assert.True(await Proofs.Waiting.UntilAsync(async () => (await service.EffectsAsync()).Count == 1, TimeSpan.FromSeconds(10), 20));
        }
        finally
        {
            // Stopped either way: by the cancelled wait, or at the loop's check when cancelled between passes.
            await stop.CancelAsync();
            try
            {
                await running.WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    [Fact]
    public async Task A_failing_event_is_retried_with_exponential_backoff_then_dead_lettered_after_five_attempts()
    {
        await using var service = await ServiceAsync();
        service.Switches.Poison[7] = true;
        var worker = service.Worker();
        await worker.RunOnceAsync(default);
        await service.Bus.PublishAsync(Topic, [Envelopes.For(new OrderPlaced("order-7", 7, 1))], default);
        var firstFailure = service.Clock.GetUtcNow();
        await worker.RunOnceAsync(default);

        // Attempt n+1 comes between half and all of 1 s · 2ⁿ⁻¹ after attempt n: never before, always by then.
        for (var attempt = 1; attempt < 5; attempt++)
        {
            var full = TimeSpan.FromSeconds(Math.Pow(2, attempt - 1));
            service.Clock.Advance(full / 2 - TimeSpan.FromMilliseconds(1));
            await worker.RunOnceAsync(default);
            Assert.Equal(attempt, service.Switches.Attempts[7]);
            service.Clock.Advance(full / 2 + TimeSpan.FromMilliseconds(1));
            await worker.RunOnceAsync(default);
            Assert.Equal(attempt + 1, service.Switches.Attempts[7]);
        }

        var letter = Assert.Single(await service.QueryAsync(d => d.Set<DeadLetter>().ToListAsync()));
        Assert.Equal(5, letter.Attempts);
        Assert.Equal(DeadLetterStatus.Open, letter.Status);
        Assert.Equal(firstFailure.ToUnixTimeMilliseconds(), letter.FirstFailureAt);
        Assert.Equal(service.Clock.GetUtcNow().ToUnixTimeMilliseconds(), letter.LastFailureAt);
        Assert.Contains("Order 7 is poison.", letter.Error, StringComparison.Ordinal);
        Assert.Equal("proof.order.placed.v1", letter.Type);
        Assert.Equal(0, await service.Bus.GetLagAsync(Topic, RecordEffect.Group, default));
        Assert.Empty(await service.EffectsAsync());
    }

    [Fact]
    public async Task Later_events_of_a_subject_wait_behind_one_being_retried_while_other_subjects_flow()
    {
        await using var service = await ServiceAsync();
        service.Switches.Poison[1] = true;
        var worker = service.Worker();
        await worker.RunOnceAsync(default);
        await service.Bus.PublishAsync(Topic, [
            Envelopes.For(new OrderPlaced("order-a", 1, 1)),
            Envelopes.For(new OrderPlaced("order-a", 2, 2)),
            Envelopes.For(new OrderPlaced("order-b", 3, 1))], default);

        await worker.RunOnceAsync(default);
        Assert.Equal([3], (await service.EffectsAsync()).Select(e => e.Number));

        service.Switches.Fixed = true;
        service.Clock.Advance(TimeSpan.FromSeconds(1));
        await worker.RunOnceAsync(default);

        Assert.Equal([3, 1, 2], (await service.EffectsAsync()).Select(e => e.Number));
        Assert.Equal(0, await service.Bus.GetLagAsync(Topic, RecordEffect.Group, default));
    }

    [Fact]
    public async Task Other_event_types_on_the_topic_are_acknowledged_and_an_unreadable_message_is_dead_lettered_at_once()
    {
        await using var service = await ServiceAsync();
        var worker = service.Worker();
        await worker.RunOnceAsync(default);
        await service.Bus.PublishAsync(Topic, [
            Envelopes.For(new OrderPlaced("order-1", 1, 1), type: "proof.order.cancelled.v1"),
            "{ not a cloud event",
            Envelopes.For(new OrderPlaced("order-2", 2, 1))], default);

        await worker.RunOnceAsync(default);

        Assert.Equal([2], (await service.EffectsAsync()).Select(e => e.Number));
        var letter = Assert.Single(await service.QueryAsync(d => d.Set<DeadLetter>().ToListAsync()));
        Assert.Equal("unreadable", letter.Type);
        Assert.Equal(1, letter.Attempts);
        Assert.Equal(0, await service.Bus.GetLagAsync(Topic, RecordEffect.Group, default));
    }
    [Fact]
    public async Task An_event_without_subject_or_time_and_one_with_binary_json_data_are_handled()
    {
        await using var service = await ServiceAsync();
        var worker = service.Worker();
        await worker.RunOnceAsync(default);
        var base64 = Convert.ToBase64String(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new OrderPlaced("order-2", 2, 1), System.Text.Json.JsonSerializerOptions.Web));
        await service.Bus.PublishAsync(Topic, [
            """{"specversion":"1.0","id":"bare-1","source":"urn:other-producer","type":"proof.order.placed.v1","data":{"orderId":"order-1","number":1,"sequence":1}}""",
            $$"""{"specversion":"1.0","id":"binary-2","source":"/proof","type":"proof.order.placed.v1","datacontenttype":"application/json; charset=utf-8","data_base64":"{{base64}}"}""",
        ], default);

        await worker.RunOnceAsync(default);

        var effects = await service.EffectsAsync();
        Assert.Equal([("bare-1", 1), ("binary-2", 2)], effects.Select(e => (e.EventId, e.Number)).Order());
        Assert.Empty(await service.QueryAsync(d => d.Set<DeadLetter>().ToListAsync()));
    }

    [Fact]
    public async Task An_event_of_a_handled_type_without_json_data_is_dead_lettered_naming_why()
    {
        await using var service = await ServiceAsync();
        var worker = service.Worker();
        await worker.RunOnceAsync(default);
        await service.Bus.PublishAsync(Topic, [
            """{"specversion":"1.0","id":"text-1","source":"/proof","type":"proof.order.placed.v1","subject":"order-1","datacontenttype":"text/plain","data":"order one"}""",
        ], default);

        for (var attempt = 0; attempt < 6; attempt++)
        {
            await worker.RunOnceAsync(default);
            service.Clock.Advance(TimeSpan.FromSeconds(30));
        }

        var letter = Assert.Single(await service.QueryAsync(d => d.Set<DeadLetter>().ToListAsync()));
        Assert.Contains("carries no JSON data (datacontenttype text/plain)", letter.Error, StringComparison.Ordinal);
        Assert.Empty(await service.EffectsAsync());
    }
}
