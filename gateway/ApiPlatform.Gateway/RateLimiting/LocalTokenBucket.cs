namespace ApiPlatform.Gateway.RateLimiting;

/// <summary>A token bucket in this process only: the fallback share of a plan while Redis is down.</summary>
internal sealed class LocalTokenBucket(double capacity, double tokensPerMs, long nowMs)
{
    private readonly Lock gate = new();
    private readonly double capacity = capacity;
    private double tokens = capacity;
    private long refilledAtMs = nowMs;

    /// <summary>Takes one token if there is one; returns the tokens left (negative when refused).</summary>
    public double TryTake(long nowMs)
    {
        lock (gate)
        {
            if (nowMs > refilledAtMs)
            {
                tokens = Math.Min(capacity, tokens + (nowMs - refilledAtMs) * tokensPerMs);
                refilledAtMs = nowMs;
            }

            if (tokens < 1)
            {
                return tokens - 1;
            }
            tokens -= 1;
            return tokens;
        }
    }
}
