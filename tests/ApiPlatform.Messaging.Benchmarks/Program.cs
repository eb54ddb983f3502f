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

var directory = Directory.CreateTempSubdirectory("apiplatform-bench-").FullName;
Console.WriteLine($"{Environment.ProcessorCount} cores, load average at start {LoadAverage()}");
if (events > 0)
{
    Console.WriteLine();
    Console.WriteLine($"Burst: {events} events per run, {runs} runs (plus one warm-up), {writers} writers");
    Console.WriteLine("| engine | events/s (median) | min–max events/s | latency p50 (median) | latency p99 (median) |");
    Console.WriteLine("|---|---:|---:|---:|---:|");
    foreach (var engine in engines)
    {
        await BenchRun.RunAsync(engine, Math.Min(events, 1000), writers, directory);
        var results = new List<(double Rate, double P50, double P99)>();
        for (var run = 0; run < runs; run++)
        {
            results.Add(await BenchRun.RunAsync(engine, events, writers, directory));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {engine.Name} | {Median(results.Select(x => x.Rate)):0} | {results.Min(x => x.Rate):0}–{results.Max(x => x.Rate):0} | {Median(results.Select(x => x.P50)):0} ms | {Median(results.Select(x => x.P99)):0} ms |"));
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

static double Percentile(double[] sorted, double quantile) => sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * quantile))];

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
