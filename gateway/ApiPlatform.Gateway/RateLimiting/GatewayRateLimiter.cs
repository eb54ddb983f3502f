using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Gateway.RateLimiting;

/// <summary>
/// Admits requests against budgets leased in small batches from the shared buckets: a request spends a leased token
/// without any I/O; a new lease starts in the background when half a batch is left, and only a request that finds
/// no token left waits for one (a single Redis round trip, shared by every request waiting on that bucket).
/// </summary>
internal sealed class GatewayRateLimiter(
    IRateLimitStore store, SharedLimitState shared, IOptions<RateLimitingOptions> options, TimeProvider time)
{
    private const int MaxLeaseRounds = 3;
    private readonly ConcurrentDictionary<(string Api, string Client), ClientBucket> buckets = new();
    private readonly TimeSpan timeout = options.Value.RedisTimeout;

    public ValueTask<RateLimitDecision> AcquireAsync(string api, string client, RateLimitPolicy policy)
    {
        var bucket = buckets.GetOrAdd((api, client),
            static (key, policy) => new ClientBucket(policy, $"apiplatform:ratelimit:{key.Api}:{key.Client}"), policy);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (!shared.UseShared(now))
        {
            return ValueTask.FromResult(bucket.TakeLocal(now));
        }

        if (bucket.TryTake(now, out var lowOnTokens) is { } decision)
        {
            if (lowOnTokens)
            {
                _ = LeaseAsync(bucket);
            }
            return ValueTask.FromResult(decision);
        }
        return AcquireSlowAsync(bucket);
    }

    private async ValueTask<RateLimitDecision> AcquireSlowAsync(ClientBucket bucket)
    {
        for (var round = 0; round < MaxLeaseRounds; round++)
        {
            await LeaseAsync(bucket);
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            if (!shared.UseShared(now))
            {
                return bucket.TakeLocal(now);
            }
            if (bucket.TryTake(now, out _) is { } decision)
            {
                return decision;
            }
        }
        return bucket.Refuse(time.GetUtcNow().ToUnixTimeMilliseconds());
    }

    private Task LeaseAsync(ClientBucket bucket)
    {
        lock (bucket.Gate)
        {
            return bucket.PendingLease ??= LeaseOnceAsync(bucket);
        }
    }

    /// <summary>Buckets held in this replica (one per client, API and plan; per source address for webhooks and tokens).</summary>
    public int BucketCount => buckets.Count;

    /// <summary>Forgets the buckets idle past their policy's idle time, so distinct callers do not grow memory forever.</summary>
    public int Sweep()
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var dropped = 0;
        foreach (var (key, bucket) in buckets)
        {
            if (bucket.IsIdle(now) && buckets.TryRemove(key, out _))
            {
                dropped++;
            }
        }
        return dropped;
    }

    private async Task LeaseOnceAsync(ClientBucket bucket)
    {
        // Let the caller go on; the lease completes on the thread pool.
        await Task.Yield();
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var wanted = bucket.Policy.Batch;
        try
        {
            var lease = await store.LeaseAsync(bucket.Key, bucket.Policy, wanted, now).WaitAsync(timeout);
            bucket.AddLease(lease, wanted, now);
        }
        catch (Exception ex) when (RateLimitErrors.IsStoreFailure(ex))
        {
            shared.Failed(ex, now);
        }
        finally
        {
            lock (bucket.Gate)
            {
                bucket.PendingLease = null;
            }
        }
    }
}
