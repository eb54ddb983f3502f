using System.Globalization;
using ApiPlatform.Messaging.Benchmarks;

// End-to-end throughput under a burst and the latency of lone events (commit → handler done), per engine.
// Usage: dotnet run -c Release --project tests/ApiPlatform.Messaging.Benchmarks -- [events] [runs] [writers] [lone events]
// (0 events skips the burst table, 0 lone events the lone-event table).
// Redis and PostgreSQL come from APIPLATFORM_TEST_REDIS and APIPLATFORM_TEST_POSTGRES; without them those rows are skipped.
var events = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5000;
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var writers = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 4;
var loneEvents = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 200;
var redis = Environment.GetEnvironmentVariable("APIPLATFORM_TEST_REDIS") is { Length: > 0 } r ? r : null;
var postgres = Environment.GetEnvironmentVariable("APIPLATFORM_TEST_POSTGRES") is { Length: > 0 } p ? p : null;

var engines = new List<Engine> { new("SQLite + embedded transport", "sqlite", "embedded", null, null) };
if (redis is not null)
{
    engines.Add(new("SQLite + Redis Streams", "sqlite", "redis", null, redis));
}
if (redis is not null && postgres is not null)
{
    engines.Add(new("PostgreSQL + Redis Streams", "postgres", "redis", postgres, redis));
}

// BENCH_ENGINES=postgres (a part of an engine's name, case-insensitive) keeps only the matching rows, for profiling one.
if (Environment.GetEnvironmentVariable("BENCH_ENGINES") is { Length: > 0 } only)
{
    engines.RemoveAll(e => !e.Name.Contains(only, StringComparison.OrdinalIgnoreCase));
}

// BENCH_RETAINED=N starts every burst run with N published rows in the producer's outbox, as the hour a service keeps
// them would hold (N = events per second × 3,600 at a steady rate).
if (Environment.GetEnvironmentVariable("BENCH_RETAINED") is { Length: > 0 } retained)
{
    engines = engines.ConvertAll(e => e with { RetainedPublished = int.Parse(retained, CultureInfo.InvariantCulture) });
}

var directory = Directory.CreateTempSubdirectory("apiplatform-bench-").FullName;
Console.WriteLine($"{Environment.ProcessorCount} cores, load average at start {LoadAverage()}");
if (events > 0)
{
    Console.WriteLine();
    Console.WriteLine($"Burst: {events} events per run, {runs} runs after the warm-up, {writers} writers, {engines.FirstOrDefault()?.RetainedPublished ?? 0} published rows retained in the outbox");
    Console.WriteLine("| engine | events/s (median) | min–max events/s | latency p50 (median) | latency p99 (median) | writers' commits/s (median) | same writers without events, commits/s | consumer alone, events/s (median) | warm-up runs |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    foreach (var engine in engines)
    {
        // Warm up until the runtime has compiled what the pipeline runs: with tiered compilation the first runs
        // execute code that is still being compiled, instrumented and recompiled (on 2 cores the JIT took half a core
        // for about 20 s), which is not the steady state of a service that has been up for a minute. Each run
        // starts new hosts, so a few dynamic methods are always compiled; fewer than 300 counts as settled.
        var warmups = 0;
        while (true)
        {
            var warmup = await BenchRun.RunAsync(engine, events, writers, directory);
            warmups++;
            if ((warmups > 1 && warmup.MethodsCompiled < 300) || warmups == 25)
            {
                break;
            }
        }
        var results = new List<BenchRun.Result>();
        for (var run = 0; run < runs; run++)
        {
            results.Add(await BenchRun.RunAsync(engine, events, writers, directory));
        }
        var baseline = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            baseline.Add((await BenchRun.RunAsync(engine, events, writers, directory, publish: false)).CommitsPerSecond);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {engine.Name} | {Median(results.Select(x => x.EventsPerSecond)):0} | {results.Min(x => x.EventsPerSecond):0}–{results.Max(x => x.EventsPerSecond):0} | {Median(results.Select(x => x.P50Ms)):0} ms | {Median(results.Select(x => x.P99Ms)):0} ms | {Median(results.Select(x => x.CommitsPerSecond)):0} | {Median(baseline):0} | {DrainFigure(results)} | {warmups} |"));
    }
}
if (loneEvents > 0)
{
    Console.WriteLine();
    Console.WriteLine($"Lone events: {loneEvents} per engine, one at a time, each after the previous was handled and a random pause of 50–250 ms");
    Console.WriteLine("| engine | latency p50 | latency p90 | latency p99 | max |");
    Console.WriteLine("|---|---:|---:|---:|---:|");
    foreach (var engine in engines)
    {
        var latencies = await LoneEventRun.RunAsync(engine, loneEvents, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(250), directory);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {engine.Name} | {Percentile(latencies, 0.5):0.0} ms | {Percentile(latencies, 0.9):0.0} ms | {Percentile(latencies, 0.99):0.0} ms | {latencies[^1]:0.0} ms |"));
    }
}
Console.WriteLine();
Console.WriteLine($"load average at the end {LoadAverage()}");
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
Directory.Delete(directory, recursive: true);

static double Median(IEnumerable<double> values) => values.Order().ElementAt(values.Count() / 2);

static string DrainFigure(List<BenchRun.Result> results) =>
    results.Where(r => !double.IsNaN(r.DrainPerSecond)).Select(r => r.DrainPerSecond).ToList() is { Count: > 0 } drains
        ? Median(drains).ToString("0", CultureInfo.InvariantCulture)
        : "kept up";

static double Percentile(double[] sorted, double quantile) => sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * quantile))];

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
