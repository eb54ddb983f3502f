using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Gateway.Slo;

/// <summary>
/// Counts each consumer's answered requests per API version and minute in memory (requests, server errors, latency
/// buckets: the shape of <see cref="SloRecorder"/>'s), on the request path without any I/O; the flusher moves the counts
/// to the shared store with consumer usage. A consumer already counted in the current minute costs one dictionary look-up
/// and no allocation. At most <see cref="GatewayOptions.ConsumerTrafficLimit"/> consumers of a version get their own
/// series per hour; the others are counted together (<see cref="ConsumerTrafficWindow.OtherConsumers"/>).
/// </summary>
internal sealed class ConsumerSloRecorder(TimeProvider time, IOptions<GatewayOptions> options)
{
    private readonly int limit = options.Value.ConsumerTrafficLimit;
    private readonly ConcurrentDictionary<(string Api, int Major, long Hour), ConsumerAdmission> admissions = new();
    private ConcurrentDictionary<ConsumerSloKey, SloCounter> pending = new();

    public void Record(string api, int major, string clientId, int status, double milliseconds)
    {
        var key = new ConsumerSloKey(api, major, clientId, time.GetUtcNow().ToUnixTimeSeconds() / 60);
        var table = pending;
        if (!table.TryGetValue(key, out var counter))
        {
            var consumer = admissions.GetOrAdd((api, major, key.Minute / 60), static (_, limit) => new ConsumerAdmission(limit), limit).Admit(clientId);
            counter = table.GetOrAdd(key with { ClientId = consumer }, static _ => new SloCounter());
        }
        counter.Record(status >= StatusCodes.Status500InternalServerError, milliseconds);
    }

    /// <summary>Held by the flush while counts are out of memory and not yet in the store, and by readers (see <see cref="SloRecorder.FlushGate"/>).</summary>
    public SemaphoreSlim FlushGate { get; } = new(1, 1);

    /// <summary>Takes the counts gathered so far; counting goes on into a fresh table. Admissions of past hours are forgotten.</summary>
    public IReadOnlyDictionary<ConsumerSloKey, SloCounter> Drain()
    {
        var hour = time.GetUtcNow().ToUnixTimeSeconds() / 3600;
        foreach (var admission in admissions.Keys.Where(k => k.Hour < hour))
        {
            admissions.TryRemove(admission, out _);
        }
        return Interlocked.Exchange(ref pending, new());
    }

    /// <summary>Puts back counts whose flush failed, so an outage of the store loses nothing.</summary>
    public void Restore(IReadOnlyDictionary<ConsumerSloKey, SloCounter> counts)
    {
        foreach (var (key, counter) in counts)
        {
            pending.GetOrAdd(key, static _ => new SloCounter()).Add(counter);
        }
    }

    /// <summary>Counts not flushed yet for one API version in minutes [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public IEnumerable<KeyValuePair<ConsumerSloKey, SloCounter>> Pending(string api, int major, long from, long to) =>
        pending.Where(p => p.Key.Api == api && p.Key.Major == major && p.Key.Minute >= from && p.Key.Minute < to);
}
