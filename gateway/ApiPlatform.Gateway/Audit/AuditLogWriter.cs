using System.Buffers;
using System.Text.Json;

namespace ApiPlatform.Gateway.Audit;

/// <summary>
/// Drains the audit queue every flush interval into JSON lines and writes them in pieces of whole lines no larger than
/// a pipe's atomic write (4 KiB), so records never interleave with other output on a shared standard output.
/// </summary>
internal sealed class AuditLogWriter : IDisposable
{
    private const int AtomicWrite = 4096;
    private static readonly JsonWriterOptions JsonOptions = new() { SkipValidation = true };
    private readonly Stream output;
    private readonly TimeSpan interval;
    private readonly TrafficAuditLog source;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task loop;
    private readonly ArrayBufferWriter<byte> line = new(1024);
    private readonly ArrayBufferWriter<byte> pending = new(2 * AtomicWrite);
    private readonly Lock writing = new();

    private AuditLogWriter(Stream output, TimeSpan interval, TrafficAuditLog source)
    {
        this.output = output;
        this.interval = interval;
        this.source = source;
        loop = Task.Run(RunAsync);
    }

    public static AuditLogWriter? Open(string destination, TimeSpan interval, TrafficAuditLog source) => destination switch
    {
        AuditLogOptions.None => null,
        AuditLogOptions.StandardOutput => new AuditLogWriter(Console.OpenStandardOutput(), interval, source),
        _ => new AuditLogWriter(new FileStream(destination, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete), interval, source),
    };

    private async Task RunAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, stopping.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            Flush();
        }
    }

    /// <summary>Writes every queued record now; also called once more when the gateway stops.</summary>
    public void Flush()
    {
        lock (writing)
        {
            using var json = new Utf8JsonWriter(line, JsonOptions);
            while (source.TryDequeue(out var record))
            {
                WriteRecord(json, record);
                Append(json);
            }

            var lost = source.TakeDropped();
            if (lost > 0)
            {
                json.WriteStartObject();
                json.WriteString("time"u8, DateTimeOffset.UtcNow);
                json.WriteString("category"u8, TrafficAuditLog.Category);
                json.WriteString("event"u8, "audit-records-dropped"u8);
                json.WriteNumber("count"u8, lost);
                json.WriteEndObject();
                Append(json);
            }
            WritePending();
        }
    }

    private void Append(Utf8JsonWriter json)
    {
        json.Flush();
        line.Write("\n"u8);
        if (pending.WrittenCount + line.WrittenCount > AtomicWrite)
        {
            WritePending();
        }
        pending.Write(line.WrittenSpan);
        line.ResetWrittenCount();
        json.Reset(line);
    }

    private void WritePending()
    {
        if (pending.WrittenCount == 0)
        {
            return;
        }
        try
        {
            output.Write(pending.WrittenSpan);
            output.Flush();
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or UnauthorizedAccessException)
        {
            source.CountLost(pending.WrittenSpan.Count((byte)'\n'));
        }
        pending.ResetWrittenCount();
    }

    private static void WriteRecord(Utf8JsonWriter json, TrafficRecord record)
    {
        json.WriteStartObject();
        json.WriteString("time"u8, record.Time);
        json.WriteString("category"u8, TrafficAuditLog.Category);
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

    public void Dispose()
    {
        stopping.Cancel();
        try
        {
            loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
        Flush();
        output.Dispose();
        stopping.Dispose();
    }
}
