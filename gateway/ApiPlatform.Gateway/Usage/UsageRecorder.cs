using System.Collections.Concurrent;

namespace ApiPlatform.Gateway.Usage;

/// <summary>
/// Counts requests per consumer and API version in memory, on the request path without any I/O; the flusher
/// moves the counts to the shared store every few seconds.
/// </summary>
internal sealed class UsageRecorder(TimeProvider time)
{
    private ConcurrentDictionary<UsageKey, UsageCounter> pending = new();

    public void Record(UsageKey key) =>
        pending.GetOrAdd(key, static _ => new UsageCounter()).Add(1, time.GetUtcNow().ToUnixTimeMilliseconds());

    /// <summary>
    /// Held by the flush while counts are out of memory and not yet in the store, and by readers that add the store's
    /// counts to the pending ones, so that a reader never misses counts that are on their way.
    /// </summary>
    public SemaphoreSlim FlushGate { get; } = new(1, 1);

    /// <summary>Takes the counts gathered so far; counting goes on into a fresh table.</summary>
    public IReadOnlyDictionary<UsageKey, UsageCounter> Drain() => Interlocked.Exchange(ref pending, new());

    /// <summary>Puts back counts whose flush failed, so an outage of the store loses nothing.</summary>
    public void Restore(IReadOnlyDictionary<UsageKey, UsageCounter> counts)
    {
        foreach (var (key, counter) in counts)
        {
            pending.GetOrAdd(key, static _ => new UsageCounter()).Add(counter.Requests, counter.LastSeenUnixMs);
        }
    }

    /// <summary>Counts not flushed yet for one API version.</summary>
    public IEnumerable<(string ClientId, UsageCounter Counter)> Pending(string api, int major) =>
        pending.Where(p => p.Key.Api == api && p.Key.Major == major).Select(p => (p.Key.ClientId, p.Value));
}
