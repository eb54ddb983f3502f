using System.Globalization;
using ApiPlatform.Messaging.Benchmarks;

// End-to-end throughput (commit → handler done) on the embedded transport and on Redis Streams.
// Usage: dotnet run -c Release --project tests/ApiPlatform.Messaging.Benchmarks -- [events] [runs] [writers]
// Redis and PostgreSQL come from APIPLATFORM_TEST_REDIS and APIPLATFORM_TEST_POSTGRES; without them those rows are skipped.
var events = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5000;
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var writers = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 4;
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

var directory = Directory.CreateTempSubdirectory("apiplatform-bench-").FullName;
Console.WriteLine($"{events} events per run, {runs} runs (plus one warm-up), {writers} writers, {Environment.ProcessorCount} cores");
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
    static double Median(IEnumerable<double> values) => values.Order().ElementAt(values.Count() / 2);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {engine.Name} | {Median(results.Select(x => x.Rate)):0} | {results.Min(x => x.Rate):0}–{results.Max(x => x.Rate):0} | {Median(results.Select(x => x.P50)):0} ms | {Median(results.Select(x => x.P99)):0} ms |"));
}
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
Directory.Delete(directory, recursive: true);
