using ApiPlatform.Messaging.Consumers;
using ApiPlatform.Messaging.Inbox;
using ApiPlatform.Messaging.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.Messaging.Tests.Consumers;

/// <summary>
/// Batches save without savepoints; a handler that catches a failed save of its own and goes on must still get the
/// savepoint's guarantee that the failed save left nothing behind, and the rest of its batch must not wait for a retry.
/// </summary>
public sealed class BatchSaveFailureTests
{
    [SkippableTheory]
    [InlineData(Engine.Embedded)]
    [InlineData(Engine.PostgresAndRedis)]
    public async Task A_handler_that_recovers_from_a_failed_save_leaves_no_partial_write_and_its_batch_is_applied_in_the_same_pass(Engine engine)
    {
        await using var service = await ServiceUnderTest.CreateAsync(m => m.Handles<OrderPlaced, PlaceOrderOnce>(PlaceOrderOnce.Group), engine: engine);
        await using (var database = service.Database.CreateContext())
        {
            database.Orders.Add(new Order { Number = 2, Subject = "placed-before" });
            await database.SaveChangesAsync();
        }
        var worker = service.Worker();
        await worker.RunOnceAsync(default);
        await service.Bus.PublishAsync("proof",
            [Envelopes.For(new OrderPlaced("order-1", 1, 1)), Envelopes.For(new OrderPlaced("order-2", 2, 1)), Envelopes.For(new OrderPlaced("order-3", 3, 1))],
            default);

        await worker.RunOnceAsync(default);

        var effects = (await service.EffectsAsync()).Select(e => (e.Number, e.Sequence)).Order().ToList();
        Assert.Equal([(1, PlaceOrderOnce.Placed), (2, PlaceOrderOnce.FoundPlaced), (3, PlaceOrderOnce.Placed)], effects);
        Assert.Equal([1, 2, 3], await service.QueryAsync(d => d.Orders.Select(o => o.Number).OrderBy(n => n).ToListAsync()));
        Assert.Equal(3, await service.QueryAsync(d => d.Set<InboxMessage>().CountAsync()));
        Assert.Equal(0, await service.Bus.GetLagAsync("proof", PlaceOrderOnce.Group, default));
    }

    /// <summary>Places the order and records that it did, in one save; when the order exists already, records that instead.</summary>
    private sealed class PlaceOrderOnce(ProofDbContext database) : IEventHandler<OrderPlaced>
    {
        public const string Group = "proof-orders";
        public const int Placed = 1;
        public const int FoundPlaced = -1;

        public async Task HandleAsync(OrderPlaced integrationEvent, EventContext context, CancellationToken cancellationToken)
        {
            database.Effects.Add(Effect(integrationEvent, context, Placed));
            database.Orders.Add(new Order { Number = integrationEvent.Number, Subject = integrationEvent.OrderId });
            try
            {
                await database.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                database.ChangeTracker.Clear();
                database.Effects.Add(Effect(integrationEvent, context, FoundPlaced));
                await database.SaveChangesAsync(cancellationToken);
            }
        }

        private static Effect Effect(OrderPlaced integrationEvent, EventContext context, int outcome) =>
            new() { EventId = context.EventId, Subject = integrationEvent.OrderId, Number = integrationEvent.Number, Sequence = outcome };
    }
}
