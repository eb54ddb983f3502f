using ApiPlatform.Messaging.Inbox;
using ApiPlatform.Messaging.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApiPlatform.Messaging.Tests.Consumers;

/// <summary>The inbox forgets applied events after <c>Messaging:Consumer:InboxRetention</c> (7 days), not before.</summary>
public sealed class InboxRetentionTests
{
    private const string Topic = "proof";

    [SkippableTheory]
    [InlineData(Engine.Embedded)]
    [InlineData(Engine.PostgresAndRedis)]
    public async Task Rows_older_than_the_retention_are_deleted_and_a_redelivery_within_it_is_still_skipped(Engine engine)
    {
        await using var service = await ServiceUnderTest.CreateAsync(m => m.Handles<OrderPlaced, RecordEffect>(RecordEffect.Group), engine: engine);
        var worker = service.Worker();
        await worker.RunOnceAsync(default);
        var old = Envelopes.For(new OrderPlaced("order-1", 1, 1), id: "event-old");
        var recent = Envelopes.For(new OrderPlaced("order-2", 2, 1), id: "event-recent");
        await service.Bus.PublishAsync(Topic, [old], default);
        await worker.RunOnceAsync(default);
        service.Clock.Advance(TimeSpan.FromDays(3));
        await service.Bus.PublishAsync(Topic, [recent], default);
        await worker.RunOnceAsync(default);
        service.Clock.Advance(TimeSpan.FromDays(4) + TimeSpan.FromSeconds(1));

        var deleted = await service.Services.GetRequiredService<InboxPruner<ProofDbContext>>().PruneAsync(default);

        Assert.Equal(1, deleted);
        Assert.Equal(["event-recent"], await service.QueryAsync(d => d.Set<InboxMessage>().Select(i => i.EventId).ToListAsync()));
        await service.Bus.PublishAsync(Topic, [recent], default);
        await worker.RunOnceAsync(default);
        Assert.Equal([1, 2], (await service.EffectsAsync()).Select(e => e.Number).Order());
    }

    [SkippableTheory]
    [InlineData(Engine.Embedded)]
    [InlineData(Engine.PostgresAndRedis)]
    public async Task A_backlog_larger_than_a_batch_is_deleted_whole_rows_sharing_a_time_across_a_batch_boundary_included(Engine engine)
    {
        await using var service = await ServiceUnderTest.CreateAsync(m => m.Handles<OrderPlaced, RecordEffect>(RecordEffect.Group), engine: engine);
        var now = service.Clock.GetUtcNow().ToUnixTimeMilliseconds();
        var expired = now - (long)TimeSpan.FromDays(8).TotalMilliseconds;
        await using (var database = service.Database.CreateContext())
        {
            // 2 batches and a half; the 996th to 1,005th rows share one time, across the first batch's end.
            for (var n = 0; n < InboxPruner<ProofDbContext>.BatchSize * 5 / 2; n++)
            {
                var processedAt = n is >= 995 and < 1005 ? expired + 995 : expired + n;
                database.Set<InboxMessage>().Add(new InboxMessage { EventId = $"expired-{n}", Group = "g", Type = "t", ProcessedAt = processedAt });
            }
            database.Set<InboxMessage>().Add(new InboxMessage { EventId = "kept", Group = "g", Type = "t", ProcessedAt = now - 1000 });
            await database.SaveChangesAsync();
        }

        var deleted = await service.Services.GetRequiredService<InboxPruner<ProofDbContext>>().PruneAsync(default);

        Assert.Equal(InboxPruner<ProofDbContext>.BatchSize * 5 / 2, deleted);
        Assert.Equal(["kept"], await service.QueryAsync(d => d.Set<InboxMessage>().Select(i => i.EventId).ToListAsync()));
    }
}
