using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Gateway.Slo;

/// <summary>
/// Per-consumer SLO counts of a single gateway without Redis (Development only): lost on restart, not shared; minutes
/// older than <see cref="ConsumerTrafficWindow.Retention"/> are dropped as new counts arrive.
/// </summary>
internal sealed class InMemoryConsumerSloStore(TimeProvider time, IOptions<GatewayOptions> options) : IConsumerSloStore
{
    private readonly ConcurrentDictionary<ConsumerSloKey, SloCounter> totals = new();
    private readonly ConcurrentDictionary<(string Api, int Major, long Hour), ConsumerAdmission> admissions = new();

    public Task AddAsync(IReadOnlyDictionary<ConsumerSloKey, SloCounter> counts, CancellationToken cancellationToken)
    {
        var oldest = (time.GetUtcNow() - ConsumerTrafficWindow.Retention).ToUnixTimeSeconds() / 60;
        foreach (var key in totals.Keys.Where(k => k.Minute < oldest))
        {
            totals.TryRemove(key, out _);
        }
        foreach (var key in admissions.Keys.Where(k => k.Hour < oldest / 60))
        {
            admissions.TryRemove(key, out _);
        }

        var limit = options.Value.ConsumerTrafficLimit;
        foreach (var (key, counter) in counts)
        {
            var consumer = key.ClientId == ConsumerTrafficWindow.OtherConsumers ? key.ClientId
                : admissions.GetOrAdd((key.Api, key.Major, key.Minute / 60), static (_, limit) => new ConsumerAdmission(limit), limit).Admit(key.ClientId);
            totals.GetOrAdd(key with { ClientId = consumer }, static _ => new SloCounter()).Add(counter);
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<ConsumerSloKey, SloCounter>> ReadAsync(string api, int major, long from, long to, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<ConsumerSloKey, SloCounter>>(totals
            .Where(t => t.Key.Api == api && t.Key.Major == major && t.Key.Minute >= from && t.Key.Minute < to)
            .ToDictionary(t => t.Key, t => t.Value));
}
