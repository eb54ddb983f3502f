using System.Diagnostics;
using ApiPlatform.Messaging.Admin;
using ApiPlatform.Messaging.DeadLetters;
using ApiPlatform.Messaging.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;

namespace ApiPlatform.Messaging.Tests.Proofs;

/// <summary>
/// 10 poison events among 5,000: each is dead-lettered after 5 attempts while the healthy ones flow at the speed of
/// a run without poison; after the fix, two replays of the dead letters give 10 effects, not 20.
/// </summary>
[Collection(ProofCollection.Name)]
public sealed class PoisonProof(ITestOutputHelper output)
{
    private const int Events = 5000;
    private const string Topic = "proof";

    [SkippableTheory]
    [InlineData(Engine.Embedded)]
    [InlineData(Engine.PostgresAndRedis)]
    public async Task Poison_events_are_dead_lettered_without_slowing_the_rest_and_replayed_once(Engine engine)
    {
        var baseline = await BaselineThroughputAsync(engine);
        var poison = Enumerable.Range(1, 10).Select(i => i * 487).ToHashSet();
        await using var environment = await ProofEnvironment.CreateAsync(engine);
        using var consumer = Consumer(environment);
        var switches = consumer.Services.GetRequiredService<ProofSwitches>();
        foreach (var number in poison)
        {
            switches.Poison[number] = true;
        }
        var withPoison = await RunAsync(environment, consumer, Events - poison.Count);
        var deadLettered = await Waiting.UntilAsync(async () => (await LettersAsync(environment)).Count(l => l.Status == DeadLetterStatus.Open) == 10,
            TimeSpan.FromSeconds(30));
        var letters = await LettersAsync(environment);

        switches.Fixed = true;
        int first, second;
        await using (var scope = consumer.Services.CreateAsyncScope())
        {
            var operations = scope.ServiceProvider.GetRequiredService<IMessagingOperations>();
            first = await operations.ReplayAsync(new DeadLetterFilter(Group: RecordEffect.Group), default);
            second = await operations.ReplayAsync(new DeadLetterFilter(Group: RecordEffect.Group), default);
        }
        var replayed = await Waiting.UntilAsync(async () => (await LettersAsync(environment)).All(l => l.Status == DeadLetterStatus.Replayed),
            TimeSpan.FromSeconds(30));
        // And a redelivery of the same ten events by the transport: the inbox absorbs it too.
        await environment.Transport.CreateClient().PublishAsync(Topic, letters.Select(l => l.Envelope).ToList(), default);
        await Waiting.UntilAsync(async () => await environment.Transport.CreateClient().GetLagAsync(Topic, RecordEffect.Group, default) == 0,
            TimeSpan.FromSeconds(30));
        await consumer.StopAsync();

        await using var database = environment.Consumer.CreateContext();
        var poisonEffects = await database.Effects.CountAsync(e => poison.Contains(e.Number));
        var (total, distinct) = await environment.EffectsAsync();
        ProofFigures.Report(output, "poison events", environment,
            ("events", Events), ("poison", poison.Count), ("dead-lettered", letters.Count),
            ("attempts each", string.Join("/", letters.Select(l => l.Attempts).Distinct())),
            ("healthy events/s without poison", baseline), ("healthy events/s with poison", withPoison),
            ("replay requests", $"{first} then {second}"), ("effects of the poison events after two replays and a redelivery", poisonEffects),
            ("lost", Events - distinct), ("duplicate effects", total - distinct));
        Assert.True(deadLettered && replayed);
        Assert.Equal(10, letters.Count);
        Assert.All(letters, l => Assert.True(l.Attempts == 5 && l.FirstFailureAt < l.LastFailureAt && l.Error.Contains("is poison", StringComparison.Ordinal)));
        Assert.Equal((10, 0), (first, second));
        Assert.Equal(10, poisonEffects);
        Assert.Equal((Events, Events), (total, distinct));
        Assert.True(withPoison > baseline * 0.5, $"healthy throughput fell from {baseline:0} to {withPoison:0} events/s");
    }

    private static IHost Consumer(ProofEnvironment environment) =>
        ProofHost.Build([environment.Consumer.Settings, environment.Transport.Settings], m => m.Handles<OrderPlaced, RecordEffect>(RecordEffect.Group));

    /// <summary>The same consumer on a run without poison (shorter, to keep the suite quick).</summary>
    private static async Task<double> BaselineThroughputAsync(Engine engine)
    {
        await using var environment = await ProofEnvironment.CreateAsync(engine);
        using var consumer = Consumer(environment);
        var throughput = await RunAsync(environment, consumer, Events / 2, Events / 2);
        await consumer.StopAsync();
        return throughput;
    }

    /// <summary>Publishes the events, starts the consumer and returns healthy events applied per second.</summary>
    private static async Task<double> RunAsync(ProofEnvironment environment, IHost consumer, int healthy, int events = Events)
    {
        var publisher = environment.Transport.CreateClient();
        await publisher.EnsureGroupAsync(Topic, RecordEffect.Group, default);
        foreach (var batch in Envelopes.Orders(1, events).Chunk(500))
        {
            await publisher.PublishAsync(Topic, batch, default);
        }
        var watch = Stopwatch.StartNew();
        await consumer.StartAsync();
        Assert.True(await Waiting.UntilAsync(async () => (await environment.EffectsAsync()).Distinct >= healthy, TimeSpan.FromSeconds(120), 20));
        return healthy / watch.Elapsed.TotalSeconds;
    }

    private static async Task<List<DeadLetter>> LettersAsync(ProofEnvironment environment)
    {
        await using var database = environment.Consumer.CreateContext();
        return await database.Set<DeadLetter>().AsNoTracking().ToListAsync();
    }
}
