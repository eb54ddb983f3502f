using System.Diagnostics;
using ApiPlatform.Messaging.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace ApiPlatform.Messaging.Benchmarks;

/// <summary>
/// Lone events on an idle pipeline: one event is committed, handled, and then nothing happens for a random pause
/// (so the relay and the consumer are idle again, at a random phase of any poll) before the next. Measures
/// commit→handled per event.
/// </summary>
public static class LoneEventRun
{
    public static async Task<double[]> RunAsync(Engine engine, int events, TimeSpan minPause, TimeSpan maxPause, string directory)
    {
        var (settings, producerDb, consumerDb, cleanup) = await engine.PrepareAsync(directory);
        var clock = new ApplyOrder.Clock();
        using var producer = BenchRun.Build(engine, settings, producerDb, clock, m => m.Publishes<OrderAccepted>());
        using var consumer = BenchRun.Build(engine, settings, consumerDb, clock, m => m.Handles<OrderAccepted, ApplyOrder>("bench-orders"));
        await Task.WhenAll(producer.StartAsync(), consumer.StartAsync());
        var random = new Random(17);
        var latencies = new double[events];
        for (var number = 1; number <= events; number++)
        {
            await Task.Delay(minPause + (maxPause - minPause) * random.NextDouble());
            await using (var scope = producer.Services.CreateAsyncScope())
            {
                var database = scope.ServiceProvider.GetRequiredService<BenchDbContext>();
                database.Rows.Add(new BenchRow { Number = number });
                scope.ServiceProvider.GetRequiredService<IEventPublisher>().Publish(new OrderAccepted(number));
                await database.SaveChangesAsync();
                clock.Committed[number] = Stopwatch.GetTimestamp();
            }
            var watch = Stopwatch.StartNew();
            long handled;
            while (!clock.Handled.TryGetValue(number, out handled))
            {
                if (watch.Elapsed > TimeSpan.FromSeconds(30))
                {
                    throw new TimeoutException($"{engine.Name}: lone event {number} was not handled within 30 s.");
                }
                await Task.Delay(1);
            }
            latencies[number - 1] = Stopwatch.GetElapsedTime(clock.Committed[number], handled).TotalMilliseconds;
        }
        await Task.WhenAll(producer.StopAsync(), consumer.StopAsync());
        await cleanup();
        Array.Sort(latencies);
        return latencies;
    }
}
