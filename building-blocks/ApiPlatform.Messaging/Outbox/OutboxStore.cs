using ApiPlatform.Messaging.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Messaging.Outbox;

/// <summary>
/// The relay's claims on the outbox. A claim is an atomic conditional update (pending, lease expired) stamped with a
/// token unique to one relay batch, so two relays never hold the same row and a dead relay's rows come back when its
/// lease runs out. Rows are picked by status, not by "id greater than the last seen", so a row whose transaction
/// commits late is picked up whenever it becomes visible.
/// </summary>
internal sealed class OutboxStore<TContext>(IServiceScopeFactory scopes, IOptions<MessagingOptions> options, TimeProvider clock)
    where TContext : DbContext
{
    private OutboxOptions Outbox => options.Value.Outbox;

    public async Task<IReadOnlyList<OutboxMessage>> ClaimAsync(string token, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var rows = scope.ServiceProvider.GetRequiredService<TContext>().Set<OutboxMessage>();
        var now = Now();
        var candidates = await rows
            .Where(o => o.Status == OutboxStatus.Pending && (o.LockedUntil == null || o.LockedUntil < now))
            .OrderBy(o => o.Sequence).Select(o => o.Sequence).Take(Outbox.BatchSize).ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return [];
        }

        var until = now + (long)Outbox.LeaseDuration.TotalMilliseconds;
        await rows.Where(o => candidates.Contains(o.Sequence) && o.Status == OutboxStatus.Pending && (o.LockedUntil == null || o.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.LockedBy, token).SetProperty(o => o.LockedUntil, until), cancellationToken);
        // Read back by key: the outbox keeps published rows for a while, and LockedBy has no index.
        var claimed = await rows.AsNoTracking().Where(o => candidates.Contains(o.Sequence) && o.LockedBy == token)
            .OrderBy(o => o.Sequence).ToListAsync(cancellationToken);
        return await KeepSubjectOrderAsync(rows, token, claimed, cancellationToken);
    }

    /// <summary>
    /// Publishes a subject's rows only up to the first earlier pending row that this batch does not hold (another
    /// relay's, or one that committed after the batch was picked); the rest are given back at once, so the next batch,
    /// picked in sequence order, takes them together with that earlier row. Holding them back for a while instead
    /// would also hold back every later row of the subject, each pass pushing them further out.
    /// </summary>
    private async Task<IReadOnlyList<OutboxMessage>> KeepSubjectOrderAsync(
        DbSet<OutboxMessage> rows, string token, List<OutboxMessage> claimed, CancellationToken cancellationToken)
    {
        var subjects = claimed.Select(c => c.Subject).Distinct().ToList();
        var firstHeldElsewhere = await rows
            .Where(o => o.Status == OutboxStatus.Pending && subjects.Contains(o.Subject) && o.LockedBy != token)
            .GroupBy(o => o.Subject).Select(g => new { Subject = g.Key, First = g.Min(o => o.Sequence) })
            .ToDictionaryAsync(g => g.Subject, g => g.First, cancellationToken);
        if (firstHeldElsewhere.Count == 0)
        {
            return claimed;
        }

        var ready = claimed.Where(c => !firstHeldElsewhere.TryGetValue(c.Subject, out var first) || c.Sequence < first).ToList();
        var waiting = claimed.Where(c => !ready.Contains(c)).Select(c => c.Sequence).ToList();
        await ReleaseAsync(rows, token, waiting, null, null, cancellationToken);
        return ready;
    }

    public async Task MarkPublishedAsync(string token, IReadOnlyCollection<long> sequences, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var now = Now();
        await scope.ServiceProvider.GetRequiredService<TContext>().Set<OutboxMessage>()
            .Where(o => sequences.Contains(o.Sequence) && o.LockedBy == token)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatus.Published).SetProperty(o => o.PublishedAt, now)
                .SetProperty(o => o.LockedBy, (string?)null).SetProperty(o => o.LockedUntil, (long?)null), cancellationToken);
    }

    /// <summary>Gives rows back after a failed publish; they are not claimed again before <paramref name="retryAt"/>.</summary>
    public async Task ReleaseAsync(string token, IReadOnlyCollection<long> sequences, long retryAt, string error, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await ReleaseAsync(scope.ServiceProvider.GetRequiredService<TContext>().Set<OutboxMessage>(), token, sequences, retryAt, error, cancellationToken);
    }

    private static Task ReleaseAsync(
        DbSet<OutboxMessage> rows, string token, IReadOnlyCollection<long> sequences, long? retryAt, string? error, CancellationToken cancellationToken) =>
        rows.Where(o => sequences.Contains(o.Sequence) && o.LockedBy == token)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.LockedBy, (string?)null).SetProperty(o => o.LockedUntil, retryAt)
                .SetProperty(o => o.Attempts, o => error == null ? o.Attempts : o.Attempts + 1)
                .SetProperty(o => o.LastError, o => error ?? o.LastError), cancellationToken);

    public async Task<int> DeletePublishedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var before = Now() - (long)Outbox.PublishedRetention.TotalMilliseconds;
        return await scope.ServiceProvider.GetRequiredService<TContext>().Set<OutboxMessage>()
            .Where(o => o.Status == OutboxStatus.Published && o.PublishedAt < before).ExecuteDeleteAsync(cancellationToken);
    }

    private long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();
}
