using System.Diagnostics;
using ApiPlatform.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ApiPlatform.Messaging.Benchmarks;

/// <summary>
/// One run: a producing service whose writers commit one order and its event per transaction, and a consuming
/// service that applies each event; both with the library's default settings. Measured from the first commit to the
/// last handler done; also how long the writers took, how many events were handled by then, and how many methods the
/// JIT compiled during the run (the warm-up goes on until that settles).
/// </summary>
public static class BenchRun
{
    public sealed record Result(double EventsPerSecond, double P50Ms, double P99Ms, double CommitsPerSecond, double DrainPerSecond, long MethodsCompiled);

    /// <summary>
    /// A run; without <paramref name="publish"/> the writers commit the same orders without their events (the consumer
    /// idle), the baseline that shows what publishing adds to the producer's transactions.
    /// </summary>
    public static async Task<Result> RunAsync(Engine engine, int events, int writers, string directory, bool publish = true)
    {
        var (settings, producerDb, consumerDb, cleanup) = await engine.PrepareAsync(directory);
        var clock = new ApplyOrder.Clock();
        using var producer = Build(engine, settings, producerDb, clock, m => m.Publishes<OrderAccepted>());
        using (var scope = producer.Services.CreateScope())
        {
            engine.SeedRetained(scope.ServiceProvider.GetRequiredService<BenchDbContext>());
        }
        using var consumer = Build(engine, settings, consumerDb, clock, m => m.Handles<OrderAccepted, ApplyOrder>("bench-orders"));
        await Task.WhenAll(producer.StartAsync(), consumer.StartAsync());
        await Task.Delay(500);

        var compiledBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
        var watch = Stopwatch.StartNew();
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            for (var number = Interlocked.Increment(ref next); number <= events; number = Interlocked.Increment(ref next))
            {
                await using var scope = producer.Services.CreateAsyncScope();
                var database = scope.ServiceProvider.GetRequiredService<BenchDbContext>();
                database.Rows.Add(new BenchRow { Number = number });
                if (publish)
                {
                    scope.ServiceProvider.GetRequiredService<IEventPublisher>().Publish(new OrderAccepted(number));
                }
                await database.SaveChangesAsync();
                clock.Committed[number] = Stopwatch.GetTimestamp();
            }
        })));
        var written = watch.Elapsed;
        var handledWhenWritten = clock.Handled.Count;
        if (!publish)
        {
            await Task.WhenAll(producer.StopAsync(), consumer.StopAsync());
            await cleanup();
            return new(double.NaN, double.NaN, double.NaN, events / written.TotalSeconds, double.NaN, 0);
        }
        while (clock.Handled.Count < events)
        {
            if (watch.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException($"{engine.Name}: only {clock.Handled.Count} of {events} events were handled in 5 minutes.");
            }
            await Task.Delay(5);
        }
        var elapsed = watch.Elapsed;
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount() - compiledBefore;
        await Task.WhenAll(producer.StopAsync(), consumer.StopAsync());
        await cleanup();

        var latencies = clock.Handled.Select(h => Stopwatch.GetElapsedTime(clock.Committed[h.Key], h.Value).TotalMilliseconds).Order().ToArray();
        // The consumer's own pace once it no longer shares the machine with the writers: the events left when they
        // finished over the time it then took (no figure when it kept up with them).
        var drain = elapsed - written > TimeSpan.FromMilliseconds(50) ? (events - handledWhenWritten) / (elapsed - written).TotalSeconds : double.NaN;
        return new(events / elapsed.TotalSeconds, latencies[latencies.Length / 2], latencies[(int)(latencies.Length * 0.99)],
            events / written.TotalSeconds, drain, compiled);
    }

    internal static IHost Build(Engine engine, Dictionary<string, string?> settings, string database, ApplyOrder.Clock clock,
        Action<Configuration.MessagingBuilder> messaging)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        // As AddServiceDatabase registers a service's context: options built once.
        builder.Services.AddDbContext<BenchDbContext>(options => engine.Configure(options, database), optionsLifetime: ServiceLifetime.Singleton);
        builder.Services.AddSingleton(clock);
        builder.AddMessaging<BenchDbContext>(messaging);
        var host = builder.Build();
        using var scope = host.Services.CreateScope();
        var context = scope.ServiceProvider.GetRequiredService<BenchDbContext>();
        context.Database.EnsureCreated();
        if (engine.Database == "sqlite")
        {
            // What a service's DatabaseInitializer does to its SQLite file (the benchmark's context has no migrations).
            context.Database.ExecuteSqlRaw("PRAGMA journal_mode = WAL;");
        }
        return host;
    }
}
