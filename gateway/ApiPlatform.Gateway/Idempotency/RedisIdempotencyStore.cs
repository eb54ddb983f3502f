using System.Buffers;
using System.Text.Json;
using StackExchange.Redis;

namespace ApiPlatform.Gateway.Idempotency;

/// <summary>
/// One Redis hash per key (<c>state</c>, <c>fp</c>, <c>owner</c>, then <c>status</c>, <c>headers</c>, <c>body</c>),
/// claimed, completed and released by Lua scripts so two replicas never both run a request for one key.
/// </summary>
internal sealed class RedisIdempotencyStore(IConnectionMultiplexer redis) : IIdempotencyStore
{
    public const string BeginScript = """
        local state = redis.call('HGET', KEYS[1], 'state')
        if not state then
          redis.call('HSET', KEYS[1], 'state', 'inflight', 'fp', ARGV[1], 'owner', ARGV[2])
          redis.call('PEXPIRE', KEYS[1], ARGV[3])
          return {'acquired'}
        end
        if redis.call('HGET', KEYS[1], 'fp') ~= ARGV[1] then
          return {'mismatch'}
        end
        if state == 'inflight' then
          return {'inflight'}
        end
        return {'done', redis.call('HGET', KEYS[1], 'status'), redis.call('HGET', KEYS[1], 'headers'), redis.call('HGET', KEYS[1], 'body')}
        """;

    public const string CompleteScript = """
        if redis.call('HGET', KEYS[1], 'owner') ~= ARGV[1] then
          return 0
        end
        redis.call('HSET', KEYS[1], 'state', 'done', 'status', ARGV[2], 'headers', ARGV[3], 'body', ARGV[4])
        redis.call('PEXPIRE', KEYS[1], ARGV[5])
        return 1
        """;

    public const string ReleaseScript = """
        if redis.call('HGET', KEYS[1], 'owner') == ARGV[1] and redis.call('HGET', KEYS[1], 'state') == 'inflight' then
          return redis.call('DEL', KEYS[1])
        end
        return 0
        """;

    public async Task<IdempotencyClaim> TryBeginAsync(string key, string fingerprint, string owner, TimeSpan inFlightLifetime)
    {
        EnsureConnected();
        var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(BeginScript, [key],
            [fingerprint, owner, (long)inFlightLifetime.TotalMilliseconds]))!;
        return (string?)result[0] switch
        {
            "acquired" => new IdempotencyClaim(IdempotencyOutcome.Acquired),
            "mismatch" => new IdempotencyClaim(IdempotencyOutcome.Mismatch),
            "inflight" => new IdempotencyClaim(IdempotencyOutcome.InFlight),
            _ => new IdempotencyClaim(IdempotencyOutcome.Completed, new StoredResponse(
                (int)result[1],
                JsonSerializer.Deserialize<Dictionary<string, string[]>>((string)result[2]!) ?? [],
                (byte[]?)result[3] ?? [])),
        };
    }

    public Task CompleteAsync(string key, string owner, StoredResponse response, TimeSpan lifetime)
    {
        EnsureConnected();
        return redis.GetDatabase().ScriptEvaluateAsync(CompleteScript, [key],
            [owner, response.Status, HeadersJson(response.Headers), response.Body, (long)lifetime.TotalMilliseconds]);
    }

    /// <summary>The headers as the JSON object <see cref="TryBeginAsync"/> reads back, written without the serializer's per-call state.</summary>
    private static byte[] HeadersJson(Dictionary<string, string[]> headers)
    {
        var output = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(output))
        {
            json.WriteStartObject();
            foreach (var (name, values) in headers)
            {
                json.WriteStartArray(name);
                foreach (var value in values)
                {
                    json.WriteStringValue(value);
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        return output.WrittenSpan.ToArray();
    }

    public Task ReleaseAsync(string key, string owner)
    {
        EnsureConnected();
        return redis.GetDatabase().ScriptEvaluateAsync(ReleaseScript, [key], [owner]);
    }

    private void EnsureConnected()
    {
        if (!redis.IsConnected)
        {
            throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, CommandFlags.None, "Redis is not connected.", null, CommandStatus.Unknown);
        }
    }
}
