using ApiPlatform.Messaging.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ApiPlatform.Messaging.Tests.Proofs;

/// <summary>
/// A consuming process leaves 5 % of 5,000 events unacknowledged (half handled and committed, half still in flight)
/// and is killed by its PID; another consumer of the group reclaims them: nothing lost, no effect twice.
/// </summary>
[Collection(ProofCollection.Name)]
public sealed class ConsumerCrashProof(ITestOutputHelper output)
{
    private const int Events = 5000;
    private const string Topic = "proof";

    [SkippableTheory]
    [InlineData(Engine.Embedded)]
    [InlineData(Engine.PostgresAndRedis)]
    public async Task A_consumer_killed_before_acknowledging_loses_nothing_and_its_messages_are_reclaimed(Engine engine)
    {
        await using var environment = await ProofEnvironment.CreateAsync(engine);
        var random = new Random(5000);
        var chosen = Enumerable.Range(1, Events).OrderBy(_ => random.Next()).Take(Events / 20).ToHashSet();
        var inFlight = chosen.Count(n => n % 2 == 0);
        var publisher = environment.Transport.CreateClient();
        await publisher.EnsureGroupAsync(Topic, RecordEffect.Group, default);
        foreach (var batch in Envelopes.Orders(1, Events).Chunk(500))
        {
            await publisher.PublishAsync(Topic, batch, default);
        }

        var settings = environment.Consumer.Settings.Concat(environment.Transport.Settings).Concat(new Dictionary<string, string?>
        {
            ["Proof:Chosen"] = string.Join(',', chosen),
            ["Messaging:Consumer:ReclaimAfter"] = "00:10:00",
        }).ToList();
        int pendingAtKill;
        using (var doomed = ChildProcess.Start(Processes.ConsumerProcess.Mode, settings))
        {
            Assert.Equal("READY", await doomed.ReadLineAsync(TimeSpan.FromSeconds(60)));
            Assert.True(await Waiting.UntilAsync(async () => (await environment.EffectsAsync()).Distinct >= Events - inFlight, TimeSpan.FromSeconds(120)));
            doomed.Kill();
            pendingAtKill = (int)await publisher.GetLagAsync(Topic, RecordEffect.Group, default);
        }

        CountingTransport? counting = null;
        using var survivor = ProofHost.Build([environment.Consumer.Settings, environment.Transport.Settings, new Dictionary<string, string?>
            {
                ["Messaging:Consumer:ReclaimAfter"] = "00:00:01",
            }],
            m => m.Handles<OrderPlaced, RecordEffect>(RecordEffect.Group),
            s => s.DecorateTransport((inner, _) => counting = new CountingTransport(inner)));
        await survivor.StartAsync();
        var drained = await Waiting.UntilAsync(async () =>
            (await environment.EffectsAsync()).Distinct >= Events && await publisher.GetLagAsync(Topic, RecordEffect.Group, default) == 0,
            TimeSpan.FromSeconds(60));
        await survivor.StopAsync();

        var (total, distinct) = await environment.EffectsAsync();
        ProofFigures.Report(output, "consumer killed before acknowledging", environment,
            ("events", Events), ("left unacknowledged", chosen.Count), ("of which in flight, not yet handled", inFlight),
            ("pending when killed", pendingAtKill), ("reclaimed by the surviving consumer", counting!.Reclaimed),
            ("lost", Events - distinct), ("duplicate effects", total - distinct));
        Assert.True(drained, "the surviving consumer did not drain the group");
        Assert.Equal(Events, distinct);
        Assert.Equal(distinct, total);
        Assert.True(counting.Reclaimed >= chosen.Count, $"only {counting.Reclaimed} of {chosen.Count} unacknowledged messages were reclaimed");
        Assert.True(chosen.All(n => counting.DeliveriesPerNumber.ContainsKey(n)));
    }
}
