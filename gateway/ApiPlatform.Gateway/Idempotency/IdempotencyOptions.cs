using System.ComponentModel.DataAnnotations;

namespace ApiPlatform.Gateway.Idempotency;

/// <summary>How idempotency records are kept (section <c>Gateway:Idempotency</c>).</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Gateway:Idempotency";

    /// <summary>How long a completed request's response is replayed for its key.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan RecordLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The longest a call to the idempotency store may take before the request is refused with 503.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:05")]
    public TimeSpan StoreTimeout { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Responses larger than this are passed on but not stored; the key is released instead.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxResponseBytes { get; set; } = 1024 * 1024;

    /// <summary>The Retry-After of the 503 answered while the store is unreachable.</summary>
    [Range(1, 3600)]
    public int RetryAfterSeconds { get; set; } = 5;
}
