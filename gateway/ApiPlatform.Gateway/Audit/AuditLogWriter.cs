using System.Buffers;
using System.Text.Json;

namespace ApiPlatform.Gateway.Audit;

/// <summary>
/// Takes the audit's buffered JSON lines every flush interval and writes them in pieces of whole lines (64 KiB, a
/// pipe's default capacity; a longer line goes alone). On standard output each piece is written under the lock of
/// <see cref="System.Console.Out"/>, which the console logger writes through, so records never interleave with the process's
/// other log lines; a piece of 4 KiB (a pipe's atomic write) would need sixteen times the system calls.
/// </summary>
internal sealed class AuditLogWriter : IDisposable
{
    private const int PieceSize = 64 * 1024;
    // A buffer that grew past this while the output was stalled is replaced rather than kept.
    private const int RetainedBuffer = 4 * 1024 * 1024;
    private static readonly JsonWriterOptions JsonOptions = new() { SkipValidation = true };
    private readonly Stream output;
    // Held around each write: Console.Out (a synchronized writer, whose methods lock the instance) on standard output.
    private readonly object outputLock;
    private readonly TimeSpan interval;
    private readonly TrafficAuditLog source;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task loop;
    private ArrayBufferWriter<byte> spare = new(64 * 1024);
    private readonly Lock writing = new();

    private AuditLogWriter(Stream output, TimeSpan interval, TrafficAuditLog source, object? sharedOutput = null)
    {
        this.output = output;
        outputLock = sharedOutput ?? new object();
        this.interval = interval;
        this.source = source;
        loop = Task.Run(RunAsync);
    }

    public static AuditLogWriter? Open(string destination, TimeSpan interval, TrafficAuditLog source) => destination switch
    {
        AuditLogOptions.None => null,
        AuditLogOptions.StandardOutput => new AuditLogWriter(System.Console.OpenStandardOutput(), interval, source, System.Console.Out),
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

    /// <summary>Writes every buffered record now; also called once more when the gateway stops.</summary>
    public void Flush()
    {
        lock (writing)
        {
            var full = source.Swap(spare);
            WriteLines(full.WrittenSpan);
            full.ResetWrittenCount();
            spare = full.Capacity > RetainedBuffer ? new ArrayBufferWriter<byte>(64 * 1024) : full;

            var lost = source.TakeDropped();
            if (lost > 0)
            {
                var gap = new ArrayBufferWriter<byte>(256);
                using (var json = new Utf8JsonWriter(gap, JsonOptions))
                {
                    json.WriteStartObject();
                    json.WriteString("time"u8, DateTimeOffset.UtcNow);
                    json.WriteString("category"u8, TrafficAuditLog.Category);
                    json.WriteString("event"u8, "audit-records-dropped"u8);
                    json.WriteNumber("count"u8, lost);
                    json.WriteEndObject();
                }
                gap.Write("\n"u8);
                WriteLines(gap.WrittenSpan);
            }
        }
    }

    /// <summary>Writes whole lines in pieces of at most <see cref="PieceSize"/> bytes (a longer line goes alone).</summary>
    private void WriteLines(ReadOnlySpan<byte> lines)
    {
        while (!lines.IsEmpty)
        {
            var cut = lines.Length <= PieceSize ? lines.Length : lines[..PieceSize].LastIndexOf((byte)'\n') + 1;
            if (cut == 0)
            {
                var end = lines.IndexOf((byte)'\n');
                cut = end < 0 ? lines.Length : end + 1;
            }
            WritePiece(lines[..cut]);
            lines = lines[cut..];
        }
    }

    private void WritePiece(ReadOnlySpan<byte> piece)
    {
        try
        {
            lock (outputLock)
            {
                output.Write(piece);
                output.Flush();
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or UnauthorizedAccessException)
        {
            source.CountLost(piece.Count((byte)'\n'));
        }
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
