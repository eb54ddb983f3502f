using System.Buffers;
using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Gateway.Audit;

/// <summary>
/// The traffic audit's own output: each record becomes its JSON line as the response ends, appended to a shared buffer
/// under a lock held only for the copy; a background loop writes the buffer out in batches to
/// <see cref="AuditLogOptions.Output"/>. No object per record survives the request, so a burst of traffic leaves the
/// garbage collector nothing to promote. A full buffer drops records rather than slow the traffic, counts them
/// (<c>gateway.audit.dropped</c>) and writes how many were lost into the audit stream itself.
/// </summary>
internal sealed partial class TrafficAuditLog : IDisposable
{
    /// <summary>The log category of the records, for logging providers that take them (an OTLP exporter).</summary>
    public const string Category = "ApiPlatform.Gateway.Audit";

    private const int InitialBuffer = 64 * 1024;
    private static readonly JsonWriterOptions JsonOptions = new() { SkipValidation = true };
    private static readonly JsonEncodedText CategoryValue = JsonEncodedText.Encode(Category);

    [ThreadStatic]
    private static LineWriter? lineWriter;

    private readonly Lock gate = new();
    private ArrayBufferWriter<byte> filling = new(InitialBuffer);
    private int buffered;
    private long droppedSinceFlush;
    private readonly AuditLogWriter? writer;
    private readonly int capacity;
    private readonly Counter<long> dropped;
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

    /// <summary>Whether records go anywhere: the audit's own output or a logging provider that takes the category.</summary>
    public bool Recording => writer is not null || logger.IsEnabled(LogLevel.Information);

    /// <summary>The record of one proxied API request, to the audit's output and to the logging providers.</summary>
    public void Record(in TrafficRecord record)
    {
        Write(record);
        if (logger.IsEnabled(LogLevel.Information))
        {
            LogRequest(logger, record.Time, record.ClientId, record.Tenant, record.Api, record.Version, record.Method, record.Route,
                record.Status, record.DurationMs, record.CorrelationId);
        }
    }

    /// <summary>Appends the record's JSON line to the buffer, or counts it as dropped when the buffer is full.</summary>
    public void Write(in TrafficRecord record)
    {
        if (writer is null)
        {
            return;
        }

        // Formatted outside the lock, into this thread's own scratch buffer.
        var line = lineWriter ??= new LineWriter();
        line.Format(record);
        lock (gate)
        {
            if (buffered < capacity)
            {
                filling.Write(line.Written);
                buffered++;
                return;
            }
            droppedSinceFlush++;
        }
        dropped.Add(1);
    }

    /// <summary>Hands the buffered lines to the writer in exchange for its empty buffer.</summary>
    internal ArrayBufferWriter<byte> Swap(ArrayBufferWriter<byte> empty)
    {
        lock (gate)
        {
            var full = filling;
            filling = empty;
            buffered = 0;
            return full;
        }
    }

    /// <summary>Writes one record as a JSON object (the line's newline is the caller's).</summary>
    private static void WriteJson(Utf8JsonWriter json, in TrafficRecord record)
    {
        json.WriteStartObject();
        json.WriteString("time"u8, record.Time);
        json.WriteString("category"u8, CategoryValue);
        json.WriteString("clientId"u8, record.ClientId);
        json.WriteString("tenant"u8, record.Tenant);
        json.WriteString("api"u8, record.Api);
        json.WriteString("version"u8, record.Version);
        json.WriteString("method"u8, record.Method);
        json.WriteString("route"u8, record.Route);
        json.WriteNumber("status"u8, record.Status);
        json.WriteNumber("durationMs"u8, Math.Round(record.DurationMs, 3));
        json.WriteString("correlationId"u8, record.CorrelationId);
        if (record.Webhook is not null)
        {
            json.WriteString("webhook"u8, record.Webhook);
            json.WriteString("sourceAddress"u8, record.SourceAddress);
        }
        json.WriteEndObject();
    }

    /// <summary>A thread's scratch space for formatting one line.</summary>
    private sealed class LineWriter
    {
        private readonly ArrayBufferWriter<byte> buffer = new(1024);
        private readonly Utf8JsonWriter json;

        public LineWriter() => json = new Utf8JsonWriter(buffer, JsonOptions);

        public ReadOnlySpan<byte> Written => buffer.WrittenSpan;

        public void Format(in TrafficRecord record)
        {
            buffer.ResetWrittenCount();
            json.Reset(buffer);
            WriteJson(json, record);
            json.Flush();
            buffer.Write("\n"u8);
        }
    }

    internal long TakeDropped()
    {
        lock (gate)
        {
            var lost = droppedSinceFlush;
            droppedSinceFlush = 0;
            return lost;
        }
    }

    internal void CountLost(int records) => dropped.Add(records);

    public void Dispose() => writer?.Dispose();

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information,
        Message = "{Method} {Route} on {Api} {Version} by {ClientId} (tenant {Tenant}) answered {Status} in {DurationMs:0.0} ms at {Time:O} [{CorrelationId}]")]
    private static partial void LogRequest(ILogger logger, DateTimeOffset time, string? clientId, string? tenant, string api, string? version,
        string method, string? route, int status, double durationMs, string? correlationId);
}
