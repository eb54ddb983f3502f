using ApiPlatform.Messaging.Outbox;
using ApiPlatform.Messaging.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;

namespace ApiPlatform.Messaging.Tests.Proofs;

/// <summary>
/// 8 writers commit out of order (each holds its transaction open a random while after its row got its sequence
/// number) while 2 relays publish: no committed event is skipped, and each aggregate's events arrive in order.
/// </summary>
[Collection(ProofCollection.Name)]
public sealed class ConcurrentWritersProof(ITestOutputHelper output)
{
    private const int Writers = 8;

    [SkippableTheory]
    [InlineData(Engine.Embedded, 60)]
    [InlineData(Engine.PostgresAndRedis, 150)]
    public async Task Eight_writers_committing_out_of_order_with_two_relays_skip_nothing(Engine engine, int perWriter)
    {
        await using var environment = await ProofEnvironment.CreateAsync(engine);
        using var consumer = ProofHost.Build([environment.Consumer.Settings, environment.Transport.Settings],
            m => m.Handles<OrderPlaced, RecordEffect>(RecordEffect.Group));
        using var relayA = Relay(environment);
        using var relayB = Relay(environment);
        await Task.WhenAll(consumer.StartAsync(), relayA.StartAsync(), relayB.StartAsync());

        var outOfOrder = 0;
        var lastCommitted = 0L;
        var gate = new Lock();
        await Task.WhenAll(Enumerable.Range(1, Writers).Select(writer => Task.Run(async () =>
        {
            var random = new Random(writer);
            for (var sequence = 1; sequence <= perWriter; sequence++)
            {
                await using var scope = relayA.Services.CreateAsyncScope();
                var database = scope.ServiceProvider.GetRequiredService<ProofDbContext>();
                await using var transaction = await database.Database.BeginTransactionAsync();
                var number = writer * 10_000 + sequence;
                database.Orders.Add(new Order { Number = number, Subject = $"writer-{writer}" });
                scope.ServiceProvider.GetRequiredService<IEventPublisher>().Publish(new OrderPlaced($"writer-{writer}", number, sequence));
                await database.SaveChangesAsync();
                var assigned = database.ChangeTracker.Entries<OutboxMessage>().Single().Entity.Sequence;
                await Task.Delay(random.Next(0, engine == Engine.Embedded ? 3 : 15));
                await transaction.CommitAsync();
                // A row committed after a row with a higher sequence number: what an "id > last seen" relay would skip.
                lock (gate)
                {
                    _ = assigned < lastCommitted ? outOfOrder++ : lastCommitted = assigned;
                }
            }
        })));

        var committed = Writers * perWriter;
        await Waiting.UntilAsync(async () => (await environment.EffectsAsync()).Distinct >= committed, TimeSpan.FromSeconds(90));
        await Task.WhenAll(consumer.StopAsync(), relayA.StopAsync(), relayB.StopAsync());

        await using var effects = environment.Consumer.CreateContext();
        var perSubject = (await effects.Effects.OrderBy(e => e.Id).ToListAsync()).GroupBy(e => e.Subject);
        var orderViolations = perSubject.Sum(s => s.Zip(s.Skip(1)).Count(pair => pair.First.Sequence > pair.Second.Sequence));
        var (total, distinct) = await environment.EffectsAsync();
        ProofFigures.Report(output, "concurrent writers, two relays", environment,
            ("writers", Writers), ("relays", 2), ("committed", committed), ("commits out of sequence order", outOfOrder),
            ("delivered", distinct), ("skipped", committed - distinct), ("per-aggregate order violations", orderViolations),
            ("duplicate effects", total - distinct));
        Assert.Equal(committed, distinct);
        Assert.Equal(distinct, total);
        Assert.Equal(0, orderViolations);
    }

    private static IHost Relay(ProofEnvironment environment) =>
        ProofHost.Build([environment.Producer.Settings, environment.Transport.Settings], m => m.Publishes<OrderPlaced>());
}
