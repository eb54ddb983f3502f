using System.ComponentModel.DataAnnotations;

namespace ApiPlatform.Gateway.RateLimiting;

/// <summary>How the shared limiter talks to Redis (section <c>Gateway:RateLimiting</c>).</summary>
public sealed class RateLimitingOptions
{
    public const string Section = "Gateway:RateLimiting";

    /// <summary>The longest a lease from Redis may take before this replica falls back to its local limiter.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:05")]
    public TimeSpan RedisTimeout { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>While Redis is down, how often one probe checks whether it is back.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The most tokens one lease takes from Redis; the overshoot bound grows with it.</summary>
    [Range(1, 1000)]
    public int MaxBatch { get; set; } = 500;
}
