using ApiPlatform.Messaging.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ApiPlatform.Messaging.Tests.Proofs;

/// <summary>
/// A producing process is killed (by PID) between the outbox commit and the recorded publish of a random tenth of
/// 1,000 events, and restarted each time: nothing is lost and no event takes effect twice.
/// </summary>
[Collection(ProofCollection.Name)]
public sealed class ProducerCrashProof(ITestOutputHelper output)
{
    private const int Events = 1000;

    [SkippableTheory]
    [InlineData(Engine.Embedded)]
    [InlineData(Engine.PostgresAndRedis)]
    public async Task A_producer_killed_between_commit_and_publish_loses_nothing_and_duplicates_nothing(Engine engine)
    {
        await using var environment = await ProofEnvironment.CreateAsync(engine);
        var random = new Random(1000);
        var chosen = Enumerable.Range(1, Events).OrderBy(_ => random.Next()).Take(Events / 10).ToHashSet();
        CountingTransport? counting = null;
        using var consumer = ProofHost.Build([environment.Consumer.Settings, environment.Transport.Settings],
            m => m.Handles<OrderPlaced, RecordEffect>(RecordEffect.Group),
            s => s.DecorateTransport((inner, _) => counting = new CountingTransport(inner)));
        await consumer.StartAsync();

        var settings = environment.Producer.Settings.Concat(environment.Transport.Settings).Concat(new Dictionary<string, string?>
        {
            ["Proof:Total"] = Events.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Proof:Chosen"] = string.Join(',', chosen),
            ["Proof:CrashFile"] = environment.Directory.File("crashes.txt"),
            ["Messaging:Outbox:BatchSize"] = "200",
            ["Messaging:Outbox:LeaseDuration"] = "00:00:00.500",
        }).ToList();
        var (killsBefore, killsAfter) = (0, 0);
        while (true)
        {
            using var producer = ChildProcess.Start(Processes.ProducerProcess.Mode, settings);
            var line = await producer.ReadLineAsync(TimeSpan.FromSeconds(90));
            if (line == "DONE")
            {
                break;
            }
            Assert.StartsWith("CRASH", line, StringComparison.Ordinal);
            producer.Kill();
            _ = line.EndsWith("after-publish", StringComparison.Ordinal) ? killsAfter++ : killsBefore++;
            Assert.True(killsBefore + killsAfter <= Events / 10, "more kills than chosen events");
        }

        await Waiting.UntilAsync(async () => (await environment.EffectsAsync()).Distinct >= Events, TimeSpan.FromSeconds(60));
        await Task.Delay(500);
        var (total, distinct) = await environment.EffectsAsync();
        var crashed = File.ReadAllLines(environment.Directory.File("crashes.txt")).Length;
        ProofFigures.Report(output, "producer killed between commit and publish", environment,
            ("events", Events), ("chosen", chosen.Count), ("chosen events that went through a kill", crashed),
            ("kills before publish", killsBefore), ("kills after publish, before it was recorded", killsAfter),
            ("deliveries", counting!.Received), ("redeliveries absorbed by the inbox", counting.Received - distinct),
            ("lost", Events - distinct), ("duplicate effects", total - distinct));
        Assert.Equal(chosen.Count, crashed);
        Assert.Equal(Events, distinct);
        Assert.Equal(distinct, total);
        await consumer.StopAsync();
    }
}
