using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Gateway.RateLimiting;

/// <summary>
/// Whether limits are shared through Redis or enforced locally because it is unreachable; logs each transition,
/// exposes it as the gauge <c>apiplatform.gateway.ratelimit.degraded</c> and probes Redis while degraded.
/// </summary>
internal sealed partial class SharedLimitState
{
    private readonly IRateLimitStore store;
    private readonly RateLimitingOptions options;
    private readonly ILogger<SharedLimitState> logger;
    private readonly Counter<long> fallbacks;
    private volatile bool degraded;
    private long retryAtMs;
    private int probing;

    public SharedLimitState(IRateLimitStore store, IOptions<RateLimitingOptions> options, IMeterFactory meters, ILogger<SharedLimitState> logger)
    {
        this.store = store;
        this.options = options.Value;
        this.logger = logger;
        var meter = meters.Create("ApiPlatform");
        meter.CreateObservableGauge(MetricName, () => degraded ? 1 : 0, description: "1 while rate limits are enforced per replica because Redis is unreachable.");
        fallbacks = meter.CreateCounter<long>("apiplatform.gateway.ratelimit.fallbacks", description: "Times the limiter fell back to local limits.");
    }

    public const string MetricName = "apiplatform.gateway.ratelimit.degraded";

    public bool IsDegraded => degraded;
    public DateTimeOffset? DegradedSince { get; private set; }
    public string? LastError { get; private set; }

    /// <summary>Whether to use the shared buckets now; while degraded, starts one background probe per interval.</summary>
    public bool UseShared(long nowMs)
    {
        if (!degraded)
        {
            return true;
        }
        if (nowMs >= Interlocked.Read(ref retryAtMs) && Interlocked.CompareExchange(ref probing, 1, 0) == 0)
        {
            _ = ProbeAsync(nowMs);
        }
        return false;
    }

    public void Failed(Exception error, long nowMs)
    {
        Interlocked.Exchange(ref retryAtMs, nowMs + (long)options.RetryInterval.TotalMilliseconds);
        LastError = error.Message;
        if (!degraded)
        {
            degraded = true;
            DegradedSince = DateTimeOffset.FromUnixTimeMilliseconds(nowMs);
            fallbacks.Add(1);
            LogDegraded(logger, error, error.Message);
        }
    }

    private async Task ProbeAsync(long nowMs)
    {
        try
        {
            await store.PingAsync().WaitAsync(options.RedisTimeout);
            degraded = false;
            LastError = null;
            DegradedSince = null;
            LogRecovered(logger);
        }
        catch (Exception ex) when (RateLimitErrors.IsStoreFailure(ex))
        {
            Failed(ex, nowMs);
        }
        finally
        {
            Interlocked.Exchange(ref probing, 0);
        }
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning,
        Message = "Rate limits fall back to a local share per replica: Redis is unreachable ({Reason})")]
    private static partial void LogDegraded(ILogger logger, Exception error, string reason);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Rate limits are shared through Redis again")]
    private static partial void LogRecovered(ILogger logger);
}
