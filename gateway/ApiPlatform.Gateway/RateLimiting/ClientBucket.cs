namespace ApiPlatform.Gateway.RateLimiting;

/// <summary>
/// One client's budget on one API in this replica: tokens leased from the shared bucket and not spent yet, what the
/// shared bucket held at the last lease (for the RateLimit field), the lease in flight, and the local fallback.
/// </summary>
internal sealed class ClientBucket(RateLimitPolicy policy, string key)
{
    private readonly Lock gate = new();
    private long leased;
    private double sharedRemaining = policy.Capacity;
    private long sharedAtMs;
    private long emptyUntilMs;
    private LocalTokenBucket? fallback;

    public RateLimitPolicy Policy { get; } = policy;
    public string Key { get; } = key;

    /// <summary>The lease in flight, shared by every request that waits for it.</summary>
    public Task? PendingLease { get; set; }

    /// <summary>Whether the last lease got every token it asked for, i.e. the shared bucket may hold more.</summary>
    public bool SharedHasMore { get; private set; } = true;

    public Lock Gate => gate;

    /// <summary>When a request last asked this bucket (Unix ms), for dropping buckets nobody uses any more.</summary>
    public long LastUsedMs { get; private set; }

    /// <summary>
    /// Whether this bucket has been idle long enough to be forgotten: the shared bucket has refilled completely meanwhile,
    /// so a fresh one behaves the same (tokens still leased are given up, which only ever admits less).
    /// </summary>
    public bool IsIdle(long nowMs) => PendingLease is null && nowMs - LastUsedMs >= Policy.IdleAfterMs;

    /// <summary>
    /// Spends a leased token, or refuses at once while the shared bucket is known to be empty; null when a lease is
    /// needed first. <paramref name="lowOnTokens"/> says a new lease should start in the background now.
    /// </summary>
    public RateLimitDecision? TryTake(long nowMs, out bool lowOnTokens)
    {
        lock (gate)
        {
            LastUsedMs = nowMs;
            lowOnTokens = false;
            if (leased > 0)
            {
                leased--;
                lowOnTokens = leased <= Policy.Batch / 2 && SharedHasMore;
                return new RateLimitDecision(true, Remaining(nowMs), 0);
            }
            return nowMs < emptyUntilMs ? Refusal(nowMs) : null;
        }
    }

    public void AddLease(RateLimitLease lease, int wanted, long nowMs)
    {
        lock (gate)
        {
            leased += lease.Granted;
            sharedRemaining = lease.Remaining;
            sharedAtMs = nowMs;
            SharedHasMore = lease.Granted >= wanted;
            // Until the next token is due, refusals need no round trip to Redis.
            emptyUntilMs = lease.Granted == 0 ? nowMs + (long)Math.Ceiling((1 - lease.Remaining) / Policy.TokensPerMs) : 0;
        }
    }

    public RateLimitDecision Refuse(long nowMs)
    {
        lock (gate)
        {
            return Refusal(nowMs);
        }
    }

    private RateLimitDecision Refusal(long nowMs) => new(false, 0, Policy.SecondsToNextToken(SharedEstimate(nowMs)));

    /// <summary>Admits against this replica's share of the plan while Redis is unreachable.</summary>
    public RateLimitDecision TakeLocal(long nowMs)
    {
        LocalTokenBucket local;
        lock (gate)
        {
            LastUsedMs = nowMs;
            local = fallback ??= new LocalTokenBucket(Policy.LocalCapacity, Policy.LocalTokensPerMs, nowMs);
        }
        var left = local.TryTake(nowMs);
        return left >= 0
            ? new RateLimitDecision(true, (long)left, 0)
            : new RateLimitDecision(false, 0, Math.Max(1, (long)Math.Ceiling(-left / Policy.LocalTokensPerMs / 1000)));
    }

    private long Remaining(long nowMs) => Math.Min(Policy.Capacity, leased + (long)SharedEstimate(nowMs));

    private double SharedEstimate(long nowMs) =>
        Math.Min(Policy.Capacity, sharedRemaining + Math.Max(0, nowMs - sharedAtMs) * Policy.TokensPerMs);
}
