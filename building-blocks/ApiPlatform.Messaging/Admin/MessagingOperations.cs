using ApiPlatform.Messaging.DeadLetters;
using ApiPlatform.Messaging.Monitoring;
using ApiPlatform.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.Messaging.Admin;

internal sealed class MessagingOperations<TContext>(
    TContext database, MessagingQueries<TContext> queries, RelayState relay, TimeProvider clock) : IMessagingOperations
    where TContext : DbContext
{
    private DbSet<DeadLetter> DeadLetters => database.Set<DeadLetter>();

    public async Task<IReadOnlyList<DeadLetterSummary>> ListDeadLettersAsync(
        DeadLetterFilter filter, int offset, int limit, CancellationToken cancellationToken)
    {
        var letters = await Filter(filter).OrderByDescending(d => d.DeadLetteredAt).ThenByDescending(d => d.Id)
            .Skip(offset).Take(limit).AsNoTracking().ToListAsync(cancellationToken);
        return letters.ConvertAll(DeadLetterMapping.Summary);
    }

    public async Task<DeadLetterDetail?> GetDeadLetterAsync(long id, CancellationToken cancellationToken) =>
        await DeadLetters.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken) is { } letter ? DeadLetterMapping.Detail(letter) : null;

    public async Task<DeadLetterDetail?> ReplayAsync(long id, CancellationToken cancellationToken)
    {
        if (await DeadLetters.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken) is not { } letter)
        {
            return null;
        }
        if (letter.Status == DeadLetterStatus.Discarded)
        {
            throw new InvalidOperationException($"Dead letter {id} was discarded ({letter.DiscardReason}); it cannot be replayed.");
        }
        await RequestReplayAsync(DeadLetters.Where(d => d.Id == id), cancellationToken);
        return await GetDeadLetterAsync(id, cancellationToken);
    }

    public Task<int> ReplayAsync(DeadLetterFilter filter, CancellationToken cancellationToken) =>
        RequestReplayAsync(Filter(filter), cancellationToken);

    public async Task<DeadLetterDetail?> DiscardAsync(long id, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var discarded = await DeadLetters.Where(d => d.Id == id && d.Status == DeadLetterStatus.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeadLetterStatus.Discarded).SetProperty(d => d.DiscardedAt, now)
                .SetProperty(d => d.DiscardReason, reason), cancellationToken);
        var letter = await GetDeadLetterAsync(id, cancellationToken);
        return discarded == 0 && letter is { Summary.Status: not nameof(DeadLetterStatus.Discarded) }
            ? throw new InvalidOperationException($"Dead letter {id} is {letter.Summary.Status}; only an open dead letter can be discarded.")
            : letter;
    }

    public async Task<MessagingStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        var figures = await queries.ReadAsync(cancellationToken);
        var groups = figures.Lags.Select(l => new ConsumerGroupStatus(l.Group, l.Topic, l.Lag, figures.OpenDeadLetters.GetValueOrDefault(l.Group)));
        return new MessagingStatus(figures.Backlog, figures.OldestAgeSeconds, relay.Running,
            relay.LastProgressAt > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(relay.LastProgressAt) : null, relay.LastError, groups.ToList());
    }

    // Only open letters move: one already requested, being replayed or replayed is left alone, so asking twice is harmless.
    private Task<int> RequestReplayAsync(IQueryable<DeadLetter> letters, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return letters.Where(d => d.Status == DeadLetterStatus.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeadLetterStatus.ReplayRequested).SetProperty(d => d.ReplayRequestedAt, now)
                .SetProperty(d => d.ReplayCount, d => d.ReplayCount + 1).SetProperty(d => d.ReplayLockedUntil, (long?)null), cancellationToken);
    }

    private IQueryable<DeadLetter> Filter(DeadLetterFilter filter)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var letters = DeadLetters.AsQueryable();
        letters = filter.Type is { } type ? letters.Where(d => d.Type == type) : letters;
        letters = filter.Group is { } group ? letters.Where(d => d.Group == group) : letters;
        letters = filter.Status is { } status ? letters.Where(d => d.Status == status) : letters;
        letters = filter.Ids is { Count: > 0 } ids ? letters.Where(d => ids.Contains(d.Id)) : letters;
        if (filter.MinAge is { } minAge)
        {
            var before = now - (long)minAge.TotalMilliseconds;
            letters = letters.Where(d => d.DeadLetteredAt <= before);
        }
        if (filter.MaxAge is { } maxAge)
        {
            var after = now - (long)maxAge.TotalMilliseconds;
            letters = letters.Where(d => d.DeadLetteredAt >= after);
        }
        return letters;
    }
}
