using StackExchange.Redis;

namespace ApiPlatform.Gateway.Usage;

/// <summary>
/// Usage shared by every gateway replica: one hash per API version, fields <c>{client}|requests</c> (summed) and
/// <c>{client}|lastSeen</c> (the newest wins), updated by one Lua script per API version.
/// </summary>
internal sealed class RedisUsageStore(IConnectionMultiplexer redis) : IUsageStore
{
    private const string AddScript = """
        for i = 1, #ARGV, 3 do
          redis.call('HINCRBY', KEYS[1], ARGV[i] .. '|requests', ARGV[i + 1])
          local field = ARGV[i] .. '|lastSeen'
          local current = tonumber(redis.call('HGET', KEYS[1], field) or '0')
          if tonumber(ARGV[i + 2]) > current then
            redis.call('HSET', KEYS[1], field, ARGV[i + 2])
          end
        end
        return 1
        """;

    public async Task AddAsync(IReadOnlyDictionary<UsageKey, UsageCounter> counts, CancellationToken cancellationToken)
    {
        var database = redis.GetDatabase();
        foreach (var version in counts.GroupBy(c => (c.Key.Api, c.Key.Major)))
        {
            var values = version.SelectMany(c => new RedisValue[] { c.Key.ClientId, c.Value.Requests, c.Value.LastSeenUnixMs }).ToArray();
            await database.ScriptEvaluateAsync(AddScript, [Key(version.Key.Api, version.Key.Major)], values);
        }
    }

    public async Task<IReadOnlyList<ConsumerUsage>> ReadAsync(string api, int major, CancellationToken cancellationToken)
    {
        var fields = await redis.GetDatabase().HashGetAllAsync(Key(api, major));
        var values = fields.ToDictionary(f => f.Name.ToString(), f => (long)f.Value);
        return values.Keys.Where(k => k.EndsWith("|requests", StringComparison.Ordinal))
            .Select(k => k[..^"|requests".Length])
            .Select(client => new ConsumerUsage(client, values[$"{client}|requests"],
                DateTimeOffset.FromUnixTimeMilliseconds(values.GetValueOrDefault($"{client}|lastSeen"))))
            .ToList();
    }

    private static RedisKey Key(string api, int major) => $"apiplatform:usage:{api}:v{major}";
}
