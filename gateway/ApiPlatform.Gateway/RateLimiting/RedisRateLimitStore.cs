using System.Globalization;
using StackExchange.Redis;

namespace ApiPlatform.Gateway.RateLimiting;

/// <summary>
/// One Redis hash per client and API (<c>t</c> tokens, <c>ts</c> last refill in Unix ms), refilled and drawn from
/// atomically by one Lua script, so all replicas together never take more than the bucket holds.
/// </summary>
internal sealed class RedisRateLimitStore(IConnectionMultiplexer redis) : IRateLimitStore
{
    public const string LeaseScript = """
        local cap = tonumber(ARGV[1])
        local rate = tonumber(ARGV[2])
        local now = tonumber(ARGV[3])
        local want = tonumber(ARGV[4])
        local state = redis.call('HMGET', KEYS[1], 't', 'ts')
        local tokens = tonumber(state[1])
        local ts = tonumber(state[2])
        if tokens == nil or ts == nil then
          tokens = cap
          ts = now
        end
        if now > ts then
          tokens = math.min(cap, tokens + (now - ts) * rate)
          ts = now
        end
        local grant = math.floor(math.max(0, math.min(want, tokens)))
        tokens = tokens - grant
        redis.call('HSET', KEYS[1], 't', tostring(tokens), 'ts', tostring(ts))
        redis.call('PEXPIRE', KEYS[1], ARGV[5])
        return {grant, tostring(tokens)}
        """;

    public async Task<RateLimitLease> LeaseAsync(string key, RateLimitPolicy policy, int want, long nowMs)
    {
        if (!redis.IsConnected)
        {
            throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, CommandFlags.None, "Redis is not connected.", null, CommandStatus.Unknown);
        }

        var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(LeaseScript, [key],
            [policy.Capacity, policy.TokensPerMs.ToString("R", CultureInfo.InvariantCulture), nowMs, want,
             (long)policy.KeyLifetime.TotalMilliseconds]))!;
        return new RateLimitLease((int)result[0], double.Parse((string)result[1]!, CultureInfo.InvariantCulture));
    }

    public Task PingAsync() => redis.GetDatabase().PingAsync();
}
