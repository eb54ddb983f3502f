using System.Globalization;

namespace ApiPlatform.Gateway.RateLimiting;

/// <summary>
/// A plan as enforced on one API: a token bucket of <see cref="Capacity"/> refilled at <see cref="Requests"/> per
/// <see cref="WindowSeconds"/>, the lease size, the local fallback share and the RateLimit-Policy field, computed once.
/// </summary>
internal sealed class RateLimitPolicy
{
    public RateLimitPolicy(string plan, int requests, int windowSeconds, int burst, int replicaCount, int maxBatch)
    {
        Plan = plan;
        Requests = requests;
        WindowSeconds = windowSeconds;
        Capacity = burst > 0 ? burst : requests;
        TokensPerMs = requests / (windowSeconds * 1000.0);
        // Small leases keep the overshoot (2 x replicas x batch) within a tenth of the bucket.
        Batch = Math.Clamp(Capacity / (replicaCount * 20), 1, maxBatch);
        LocalCapacity = Math.Max(1.0, (double)Capacity / replicaCount);
        LocalTokensPerMs = TokensPerMs / replicaCount;
        KeyLifetime = TimeSpan.FromMilliseconds(Math.Ceiling(Capacity / TokensPerMs) + 60_000);
        IdleAfterMs = (long)KeyLifetime.TotalMilliseconds;
        PolicyHeader = string.Create(CultureInfo.InvariantCulture, $"\"{plan}\";q={requests};w={windowSeconds}");
    }

    public string Plan { get; }
    public int Requests { get; }
    public int WindowSeconds { get; }
    public int Capacity { get; }
    public double TokensPerMs { get; }
    public int Batch { get; }
    public double LocalCapacity { get; }
    public double LocalTokensPerMs { get; }

    /// <summary>How long an idle bucket is kept in Redis: once full again it equals a missing one.</summary>
    public TimeSpan KeyLifetime { get; }

    /// <summary>How long a replica keeps a client's bucket nobody asks: as long as Redis keeps the shared one.</summary>
    public long IdleAfterMs { get; }

    /// <summary>The RateLimit-Policy field (draft-ietf-httpapi-ratelimit-headers).</summary>
    public string PolicyHeader { get; }

    /// <summary>The RateLimit field for <paramref name="remaining"/> tokens left.</summary>
    public string LimitHeader(long remaining) =>
        string.Create(CultureInfo.InvariantCulture, $"\"{Plan}\";r={remaining};t={SecondsToFull(remaining)}");

    public long SecondsToFull(double remaining) =>
        remaining >= Capacity ? 0 : (long)Math.Ceiling((Capacity - remaining) / TokensPerMs / 1000);

    /// <summary>Seconds until one token is back when <paramref name="remaining"/> (below 1) are left.</summary>
    public long SecondsToNextToken(double remaining) =>
        Math.Max(1, (long)Math.Ceiling((1 - Math.Max(0, remaining)) / TokensPerMs / 1000));
}
