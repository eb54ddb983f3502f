using System.Text.Json;
using StackExchange.Redis;

namespace ApiPlatform.Gateway.Lifecycle;

/// <summary>
/// Overrides in the hash <c>apiplatform:lifecycle:overrides</c> (field <c>{api}:v{major}</c>), the revision in
/// <c>apiplatform:lifecycle:revision</c>, both changed by one script; each change is announced on the channel
/// <c>apiplatform:lifecycle</c>. The audit trail is not here but in the gateway's database.
/// </summary>
internal sealed class RedisLifecycleStore(IConnectionMultiplexer redis) : ILifecycleStore
{
    private const string OverridesKey = "apiplatform:lifecycle:overrides";
    private const string RevisionKey = "apiplatform:lifecycle:revision";
    private static readonly RedisChannel Channel = RedisChannel.Literal("apiplatform:lifecycle");

    public const string ChangeScript = """
        local current = tonumber(redis.call('GET', KEYS[2]) or '0')
        if current ~= tonumber(ARGV[1]) then
          return -1
        end
        redis.call('HSET', KEYS[1], ARGV[2], ARGV[3])
        return redis.call('INCR', KEYS[2])
        """;

    public async Task<long> RevisionAsync() => (long?)await redis.GetDatabase().StringGetAsync(RevisionKey) ?? 0;

    public async Task<LifecycleSnapshot> ReadAsync()
    {
        var database = redis.GetDatabase();
        var revision = await RevisionAsync();
        var fields = await database.HashGetAllAsync(OverridesKey);
        var overrides = new Dictionary<VersionKey, LifecycleOverride>();
        foreach (var field in fields)
        {
            if (VersionKey.TryParse(field.Name!, out var key) && JsonSerializer.Deserialize<LifecycleOverride>((string)field.Value!, LifecycleJson.Options) is { } value)
            {
                overrides[key] = value;
            }
        }
        return new LifecycleSnapshot(revision, overrides);
    }

    public async Task<long?> ChangeAsync(long expectedRevision, VersionKey key, LifecycleOverride change)
    {
        var database = redis.GetDatabase();
        var result = (long)await database.ScriptEvaluateAsync(ChangeScript, [OverridesKey, RevisionKey],
            [expectedRevision, key.ToString(), JsonSerializer.Serialize(change, LifecycleJson.Options)]);
        if (result < 0)
        {
            return null;
        }
        await redis.GetSubscriber().PublishAsync(Channel, result);
        return result;
    }

    public Task SubscribeAsync(Action changed) =>
        redis.GetSubscriber().SubscribeAsync(Channel, (_, _) => changed());
}
