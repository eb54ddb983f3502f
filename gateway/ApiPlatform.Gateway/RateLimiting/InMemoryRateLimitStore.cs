using System.Collections.Concurrent;

namespace ApiPlatform.Gateway.RateLimiting;

/// <summary>The shared buckets of a single gateway without Redis (Development only).</summary>
internal sealed class InMemoryRateLimitStore : IRateLimitStore
{
    private readonly ConcurrentDictionary<string, Bucket> buckets = new(StringComparer.Ordinal);

    public Task<RateLimitLease> LeaseAsync(string key, RateLimitPolicy policy, int want, long nowMs)
    {
        var bucket = buckets.GetOrAdd(key, static (_, state) => new Bucket(state.Capacity, state.nowMs), (policy.Capacity, nowMs));
        lock (bucket)
        {
            if (nowMs > bucket.RefilledAtMs)
            {
                bucket.Tokens = Math.Min(policy.Capacity, bucket.Tokens + (nowMs - bucket.RefilledAtMs) * policy.TokensPerMs);
                bucket.RefilledAtMs = nowMs;
            }
            var granted = (int)Math.Max(0, Math.Min(want, Math.Floor(bucket.Tokens)));
            bucket.Tokens -= granted;
            return Task.FromResult(new RateLimitLease(granted, bucket.Tokens));
        }
    }

    public Task PingAsync() => Task.CompletedTask;

    private sealed class Bucket(double tokens, long refilledAtMs)
    {
        public double Tokens { get; set; } = tokens;
        public long RefilledAtMs { get; set; } = refilledAtMs;
    }
}
