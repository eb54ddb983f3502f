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
internal sealed class TrafficAuditLog : IDisposable
{
    private readonly ConcurrentQueue<TrafficRecord> queue = new();
    private readonly AuditLogWriter? writer;
    private readonly int capacity;
    private readonly Counter<long> dropped;
    private int queued;
    private long droppedSinceFlush;

    public TrafficAuditLog(IOptions<AuditLogOptions> options, IMeterFactory meters)
    {
        var settings = options.Value;
        capacity = settings.Capacity;
        dropped = meters.Create("ApiPlatform").CreateCounter<long>("gateway.audit.dropped",
            description: "Traffic audit records lost to a full buffer or a failed write.");
        writer = AuditLogWriter.Open(settings.Output, settings.FlushInterval, this);
    }

    /// <summary>False when <c>Gateway:Audit:Output</c> is <c>none</c>: the records then only reach the logging providers.</summary>
    public bool Enabled => writer is not null;

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
}
