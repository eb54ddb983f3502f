using System.Collections.Concurrent;

namespace ApiPlatform.Gateway.Slo;

/// <summary>
/// Counts each API version's answered requests per minute in memory, on the request path without any I/O; the flusher
/// moves the counts to the shared store with consumer usage.
/// </summary>
internal sealed class SloRecorder(TimeProvider time)
{
    private ConcurrentDictionary<SloKey, SloCounter> pending = new();

    public void Record(string api, int major, int status, double milliseconds) =>
        pending.GetOrAdd(new SloKey(api, major, time.GetUtcNow().ToUnixTimeSeconds() / 60), static _ => new SloCounter())
            .Record(status >= StatusCodes.Status500InternalServerError, milliseconds);

    /// <summary>
    /// Held by the flush while counts are out of memory and not yet in the store, and by readers that add the store's
    /// counts to the pending ones, so that a reader never misses counts that are on their way.
    /// </summary>
    public SemaphoreSlim FlushGate { get; } = new(1, 1);

    /// <summary>Takes the counts gathered so far; counting goes on into a fresh table.</summary>
    public IReadOnlyDictionary<SloKey, SloCounter> Drain() => Interlocked.Exchange(ref pending, new());

    /// <summary>Puts back counts whose flush failed, so an outage of the store loses nothing.</summary>
    public void Restore(IReadOnlyDictionary<SloKey, SloCounter> counts)
    {
        foreach (var (key, counter) in counts)
        {
            pending.GetOrAdd(key, static _ => new SloCounter()).Add(counter);
        }
    }

    /// <summary>Counts not flushed yet for one API version in minutes [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public SloCounter Pending(string api, int major, long from, long to)
    {
        var sum = new SloCounter();
        foreach (var (key, counter) in pending)
        {
            if (key.Api == api && key.Major == major && key.Minute >= from && key.Minute < to)
            {
                sum.Add(counter);
            }
        }
        return sum;
    }
}
