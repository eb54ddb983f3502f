using System.ComponentModel.DataAnnotations;

namespace ApiPlatform.Gateway.Hardening;

/// <summary>Kestrel's limits, set explicitly rather than left to its defaults (section <c>Gateway:Limits</c>).</summary>
public sealed class ServerLimitsOptions
{
    public const string Section = "Gateway:Limits";

    [Range(8, 1000)]
    public int MaxRequestHeaderCount { get; set; } = 64;

    [Range(1024, 1024 * 1024)]
    public int MaxRequestHeadersTotalSize { get; set; } = 32 * 1024;

    [Range(256, 64 * 1024)]
    public int MaxRequestLineSize { get; set; } = 8 * 1024;

    [Range(typeof(TimeSpan), "00:00:01", "00:02:00")]
    public TimeSpan RequestHeadersTimeout { get; set; } = TimeSpan.FromSeconds(10);

    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")]
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(120);

    [Range(1, 1_000_000)]
    public long MaxConcurrentConnections { get; set; } = 10_000;

    /// <summary>The largest body any route may accept; each API's catalog body limit applies below it.</summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxRequestBodySize { get; set; } = 10 * 1024 * 1024;

    /// <summary>A client sending its body slower than this (after the grace period) is disconnected.</summary>
    [Range(1, 1024 * 1024)]
    public double MinRequestBodyBytesPerSecond { get; set; } = 240;

    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan MinRequestBodyGracePeriod { get; set; } = TimeSpan.FromSeconds(5);
}
