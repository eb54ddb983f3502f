using System.Collections.Concurrent;

namespace ApiPlatform.Gateway.Usage;

/// <summary>Usage of a single gateway without Redis (Development only): lost on restart, not shared.</summary>
internal sealed class InMemoryUsageStore : IUsageStore
{
    private readonly ConcurrentDictionary<UsageKey, UsageCounter> totals = new();

    public Task AddAsync(IReadOnlyDictionary<UsageKey, UsageCounter> counts, CancellationToken cancellationToken)
    {
        foreach (var (key, counter) in counts)
        {
            totals.GetOrAdd(key, static _ => new UsageCounter()).Add(counter.Requests, counter.LastSeenUnixMs);
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ConsumerUsage>> ReadAsync(string api, int major, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ConsumerUsage>>(totals
            .Where(t => t.Key.Api == api && t.Key.Major == major)
            .Select(t => new ConsumerUsage(t.Key.ClientId, t.Value.Requests, DateTimeOffset.FromUnixTimeMilliseconds(t.Value.LastSeenUnixMs)))
            .ToList());
}
