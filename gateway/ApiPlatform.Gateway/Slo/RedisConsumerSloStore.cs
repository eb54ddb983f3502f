using System.Globalization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ApiPlatform.Gateway.Slo;

/// <summary>
/// Per-consumer SLO counts shared by every gateway replica: one hash per API version and hour, fields
/// <c>{client}|{minute}|r</c> (requests), <c>{client}|{minute}|e</c> (server errors, when there are any) and
/// <c>{client}|{minute}|{bucket}</c> (latency), each summed, beside a set of the consumers the hour has a series for. The
/// script admits at most <see cref="GatewayOptions.ConsumerTrafficLimit"/> consumers to that set, whatever each replica
/// admitted; the counts of any other go under <see cref="ConsumerTrafficWindow.OtherConsumers"/>. Both keys expire after
/// <see cref="ConsumerTrafficWindow.Retention"/>.
/// </summary>
internal sealed class RedisConsumerSloStore(IConnectionMultiplexer redis, IOptions<GatewayOptions> options) : IConsumerSloStore
{
    // ARGV: limit, expiry seconds, the other consumers' name, then per consumer: its id, n, and n (field, count) pairs.
    private const string AddScript = """
        local limit = tonumber(ARGV[1])
        local i = 4
        while i <= #ARGV do
          local client = ARGV[i]
          local n = tonumber(ARGV[i + 1])
          if client ~= ARGV[3] and redis.call('SISMEMBER', KEYS[2], client) == 0 then
            if redis.call('SCARD', KEYS[2]) < limit then
              redis.call('SADD', KEYS[2], client)
            else
              client = ARGV[3]
            end
          end
          for j = i + 2, i + 2 * n, 2 do
            redis.call('HINCRBY', KEYS[1], client .. '|' .. ARGV[j], ARGV[j + 1])
          end
          i = i + 2 + 2 * n
        end
        redis.call('EXPIRE', KEYS[1], ARGV[2])
        redis.call('EXPIRE', KEYS[2], ARGV[2])
        return 1
        """;

    public async Task AddAsync(IReadOnlyDictionary<ConsumerSloKey, SloCounter> counts, CancellationToken cancellationToken)
    {
        var database = redis.GetDatabase();
        foreach (var hour in counts.GroupBy(c => (c.Key.Api, c.Key.Major, Hour: c.Key.Minute / 60)))
        {
            var values = new List<RedisValue> { options.Value.ConsumerTrafficLimit, (long)ConsumerTrafficWindow.Retention.TotalSeconds, ConsumerTrafficWindow.OtherConsumers };
            foreach (var consumer in hour.GroupBy(c => c.Key.ClientId, StringComparer.Ordinal))
            {
                var fields = new List<RedisValue>();
                foreach (var (key, counter) in consumer)
                {
                    var minute = key.Minute.ToString(CultureInfo.InvariantCulture);
                    fields.Add($"{minute}|r");
                    fields.Add(counter.Requests);
                    if (counter.ServerErrors > 0)
                    {
                        fields.Add($"{minute}|e");
                        fields.Add(counter.ServerErrors);
                    }
                    for (var bucket = 0; bucket <= SloCounter.LatencyBoundsMs.Length; bucket++)
                    {
                        if (counter.Bucket(bucket) is > 0 and var count)
                        {
                            fields.Add($"{minute}|{bucket}");
                            fields.Add(count);
                        }
                    }
                }
                values.Add(consumer.Key);
                values.Add(fields.Count / 2);
                values.AddRange(fields);
            }
            var (api, major, number) = hour.Key;
            await database.ScriptEvaluateAsync(AddScript, [Key(api, major, number), Key(api, major, number) + ":consumers"], values.ToArray());
        }
    }

    public async Task<IReadOnlyDictionary<ConsumerSloKey, SloCounter>> ReadAsync(string api, int major, long from, long to, CancellationToken cancellationToken)
    {
        var database = redis.GetDatabase();
        var reads = new List<Task<HashEntry[]>>();
        for (var hour = from / 60; hour <= (to - 1) / 60; hour++)
        {
            reads.Add(database.HashGetAllAsync(Key(api, major, hour)));
        }
        var counts = new Dictionary<ConsumerSloKey, SloCounter>();
        foreach (var entry in (await Task.WhenAll(reads)).SelectMany(e => e))
        {
            // {client}|{minute}|{field}, read from the right: a client id may hold a '|'.
            var name = entry.Name.ToString();
            var last = name.LastIndexOf('|');
            var middle = last > 0 ? name.LastIndexOf('|', last - 1) : -1;
            if (middle <= 0 || !long.TryParse(name.AsSpan(middle + 1, last - middle - 1), CultureInfo.InvariantCulture, out var minute)
                || minute < from || minute >= to)
            {
                continue;
            }
            var key = new ConsumerSloKey(api, major, name[..middle], minute);
            if (!counts.TryGetValue(key, out var counter))
            {
                counts[key] = counter = new SloCounter();
            }
            var value = (long)entry.Value;
            var field = name.AsSpan(last + 1);
            if (field is "r")
            {
                counter.Add(value, 0, 0, 0);
            }
            else if (field is "e")
            {
                counter.Add(0, value, 0, 0);
            }
            else if (int.TryParse(field, CultureInfo.InvariantCulture, out var bucket) && bucket >= 0 && bucket <= SloCounter.LatencyBoundsMs.Length)
            {
                counter.Add(0, 0, bucket, value);
            }
        }
        return counts;
    }

    private static string Key(string api, int major, long hour) => $"apiplatform:consumer-slo:{api}:v{major}:{hour}";
}
