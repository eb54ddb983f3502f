using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Gateway.Audit;

/// <summary>
/// The traffic audit's own output: each record is queued as the response ends (no lock, no formatting, no thread woken
/// on the request's path) and written as one JSON line by a background loop, in batches, to
/// <see cref="AuditLogOptions.Output"/>. A full buffer drops records rather than slow the traffic, counts them
/// (<c>gateway.audit.dropped</c>) and writes how many were lost into the audit stream itself.
/// </summary>
internal sealed partial class TrafficAuditLog : IDisposable
{
    /// <summary>The log category of the records, for logging providers that take them (an OTLP exporter).</summary>
    public const string Category = "ApiPlatform.Gateway.Audit";

    private readonly ConcurrentQueue<TrafficRecord> queue = new();
    private readonly AuditLogWriter? writer;
    private readonly int capacity;
    private readonly Counter<long> dropped;
    private int queued;
    private long droppedSinceFlush;
    private readonly ILogger logger;

    public TrafficAuditLog(IOptions<AuditLogOptions> options, IMeterFactory meters, ILoggerFactory loggers)
    {
        logger = loggers.CreateLogger(Category);
        var settings = options.Value;
        capacity = settings.Capacity;
        dropped = meters.Create("ApiPlatform").CreateCounter<long>("gateway.audit.dropped",
            description: "Traffic audit records lost to a full buffer or a failed write.");
        writer = AuditLogWriter.Open(settings.Output, settings.FlushInterval, this);
    }

    /// <summary>False when <c>Gateway:Audit:Output</c> is <c>none</c>: the records then only reach the logging providers.</summary>
    public bool Enabled => writer is not null;

    /// <summary>Whether records go anywhere: the audit's own output or a logging provider that takes the category.</summary>
    public bool Recording => writer is not null || logger.IsEnabled(LogLevel.Information);

    /// <summary>The record of one proxied API request, to the audit's output and to the logging providers.</summary>
    public void Record(TrafficRecord record)
    {
        Write(record);
        if (logger.IsEnabled(LogLevel.Information))
        {
            LogRequest(logger, record.Time, record.ClientId, record.Tenant, record.Api, record.Version, record.Method, record.Route,
                record.Status, record.DurationMs, record.CorrelationId);
        }
    }

    public void Write(TrafficRecord record)
    {
        if (writer is null)
        {
            return;
        }
        if (Interlocked.Increment(ref queued) > capacity)
        {
            Interlocked.Decrement(ref queued);
            Interlocked.Increment(ref droppedSinceFlush);
            dropped.Add(1);
            return;
        }
        queue.Enqueue(record);
    }

    internal bool TryDequeue(out TrafficRecord record)
    {
        if (!queue.TryDequeue(out record!))
        {
            return false;
        }
        Interlocked.Decrement(ref queued);
        return true;
    }

    internal long TakeDropped() => Interlocked.Exchange(ref droppedSinceFlush, 0);

    internal void CountLost(int records) => dropped.Add(records);

    public void Dispose() => writer?.Dispose();

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information,
        Message = "{Method} {Route} on {Api} {Version} by {ClientId} (tenant {Tenant}) answered {Status} in {DurationMs:0.0} ms at {Time:O} [{CorrelationId}]")]
    private static partial void LogRequest(ILogger logger, DateTimeOffset time, string? clientId, string? tenant, string api, string? version,
        string method, string? route, int status, double durationMs, string? correlationId);
}
