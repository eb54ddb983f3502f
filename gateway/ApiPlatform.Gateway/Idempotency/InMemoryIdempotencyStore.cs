using System.Collections.Concurrent;

namespace ApiPlatform.Gateway.Idempotency;

/// <summary>Idempotency records of a single gateway without Redis (Development only): lost on restart, not shared.</summary>
internal sealed class InMemoryIdempotencyStore(TimeProvider time) : IIdempotencyStore
{
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public Task<IdempotencyClaim> TryBeginAsync(string key, string fingerprint, string owner, TimeSpan inFlightLifetime)
    {
        var now = time.GetUtcNow();
        var fresh = new Entry(fingerprint, owner, now + inFlightLifetime, null);
        var entry = entries.AddOrUpdate(key, fresh, (_, existing) => existing.ExpiresAt <= now ? fresh : existing);
        var claim = entry == fresh ? new IdempotencyClaim(IdempotencyOutcome.Acquired)
            : entry.Fingerprint != fingerprint ? new IdempotencyClaim(IdempotencyOutcome.Mismatch)
            : entry.Response is null ? new IdempotencyClaim(IdempotencyOutcome.InFlight)
            : new IdempotencyClaim(IdempotencyOutcome.Completed, entry.Response);
        return Task.FromResult(claim);
    }

    public Task CompleteAsync(string key, string owner, StoredResponse response, TimeSpan lifetime)
    {
        if (entries.TryGetValue(key, out var entry) && entry.Owner == owner)
        {
            entries.TryUpdate(key, entry with { Response = response, ExpiresAt = time.GetUtcNow() + lifetime }, entry);
        }
        return Task.CompletedTask;
    }

    public Task ReleaseAsync(string key, string owner)
    {
        if (entries.TryGetValue(key, out var entry) && entry.Owner == owner && entry.Response is null)
        {
            entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
        }
        return Task.CompletedTask;
    }

    private sealed record Entry(string Fingerprint, string Owner, DateTimeOffset ExpiresAt, StoredResponse? Response);
}
