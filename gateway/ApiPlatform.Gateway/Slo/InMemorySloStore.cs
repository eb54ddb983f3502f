using System.Collections.Concurrent;

namespace ApiPlatform.Gateway.Slo;

/// <summary>SLO counts of a single gateway without Redis (Development only): lost on restart, not shared.</summary>
internal sealed class InMemorySloStore : ISloStore
{
    private readonly ConcurrentDictionary<SloKey, SloCounter> totals = new();

    public Task AddAsync(IReadOnlyDictionary<SloKey, SloCounter> counts, CancellationToken cancellationToken)
    {
        foreach (var (key, counter) in counts)
        {
            totals.GetOrAdd(key, static _ => new SloCounter()).Add(counter);
        }
        return Task.CompletedTask;
    }

    public Task<SloCounter> ReadAsync(string api, int major, long from, long to, CancellationToken cancellationToken)
    {
        var sum = new SloCounter();
        foreach (var (key, counter) in totals)
        {
            if (key.Api == api && key.Major == major && key.Minute >= from && key.Minute < to)
            {
                sum.Add(counter);
            }
        }
        return Task.FromResult(sum);
    }
}
