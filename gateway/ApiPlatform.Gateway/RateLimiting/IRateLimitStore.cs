namespace ApiPlatform.Gateway.RateLimiting;

/// <summary>The token buckets shared by every replica.</summary>
internal interface IRateLimitStore
{
    /// <summary>Refills the bucket to <paramref name="nowMs"/> and takes up to <paramref name="want"/> tokens from it.</summary>
    Task<RateLimitLease> LeaseAsync(string key, RateLimitPolicy policy, int want, long nowMs);

    /// <summary>Succeeds when the store answers.</summary>
    Task PingAsync();
}
