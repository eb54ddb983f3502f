using System.Globalization;
using StackExchange.Redis;

namespace ApiPlatform.Gateway.Slo;

/// <summary>
/// SLO counts shared by every gateway replica: one hash per API version and hour, fields <c>{minute}|r</c> (requests),
/// <c>{minute}|e</c> (server errors) and <c>{minute}|{bucket}</c> (latency), each summed; a hash expires after
/// <see cref="Retention"/>, the longest window compliance is asked for plus a day.
/// </summary>
internal sealed class RedisSloStore(IConnectionMultiplexer redis) : ISloStore
{
    public static readonly TimeSpan Retention = SloWindow.Max + TimeSpan.FromDays(1);

    private const string AddScript = """
        for i = 1, #ARGV - 1, 2 do
          redis.call('HINCRBY', KEYS[1], ARGV[i], ARGV[i + 1])
        end
        redis.call('EXPIRE', KEYS[1], ARGV[#ARGV])
        return 1
        """;

    public async Task AddAsync(IReadOnlyDictionary<SloKey, SloCounter> counts, CancellationToken cancellationToken)
    {
        var database = redis.GetDatabase();
        foreach (var hour in counts.GroupBy(c => (c.Key.Api, c.Key.Major, Hour: c.Key.Minute / 60)))
        {
            var values = new List<RedisValue>();
            foreach (var (key, counter) in hour)
            {
                var minute = key.Minute.ToString(CultureInfo.InvariantCulture);
                values.Add($"{minute}|r");
                values.Add(counter.Requests);
                values.Add($"{minute}|e");
                values.Add(counter.ServerErrors);
                for (var bucket = 0; bucket <= SloCounter.LatencyBoundsMs.Length; bucket++)
                {
                    if (counter.Bucket(bucket) is > 0 and var count)
                    {
                        values.Add($"{minute}|{bucket}");
                        values.Add(count);
                    }
                }
            }
            values.Add((long)Retention.TotalSeconds);
            await database.ScriptEvaluateAsync(AddScript, [Key(hour.Key.Api, hour.Key.Major, hour.Key.Hour)], values.ToArray());
        }
    }

    public async Task<SloCounter> ReadAsync(string api, int major, long from, long to, CancellationToken cancellationToken)
    {
        var database = redis.GetDatabase();
        var reads = new List<Task<HashEntry[]>>();
        for (var hour = from / 60; hour <= (to - 1) / 60; hour++)
        {
            reads.Add(database.HashGetAllAsync(Key(api, major, hour)));
        }
        var sum = new SloCounter();
        foreach (var entry in (await Task.WhenAll(reads)).SelectMany(e => e))
        {
            var name = entry.Name.ToString();
            var bar = name.IndexOf('|', StringComparison.Ordinal);
            if (bar < 0 || !long.TryParse(name.AsSpan(0, bar), CultureInfo.InvariantCulture, out var minute) || minute < from || minute >= to)
            {
                continue;
            }
            var value = (long)entry.Value;
            var field = name[(bar + 1)..];
            if (field == "r")
            {
                sum.Add(value, 0, 0, 0);
            }
            else if (field == "e")
            {
                sum.Add(0, value, 0, 0);
            }
            else if (int.TryParse(field, CultureInfo.InvariantCulture, out var bucket) && bucket is >= 0 && bucket <= SloCounter.LatencyBoundsMs.Length)
            {
                sum.Add(0, 0, bucket, value);
            }
        }
        return sum;
    }

    private static RedisKey Key(string api, int major, long hour) => $"apiplatform:slo:{api}:v{major}:{hour}";
}
