using ApiPlatform.Messaging.Consumers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApiPlatform.Messaging.DeadLetters;

/// <summary>The consumer side of the dead-letter store: parking failed events and picking up requested replays.</summary>
internal sealed class DeadLetterWriter<TContext>(IServiceScopeFactory scopes, TimeProvider clock) where TContext : DbContext
{
    private const int MaxErrorLength = 8000;

    /// <summary>Parks an event that failed all its attempts; a replay that failed again reopens its dead letter.</summary>
    public async Task WriteAsync(string group, WorkItem item, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<TContext>();
        var eventId = item.Event?.Id ?? $"unreadable:{item.TransportId}";
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var error = item.LastError is { Length: > MaxErrorLength } tooLong ? tooLong[..MaxErrorLength] : item.LastError ?? "";
        var existing = await database.Set<DeadLetter>().SingleOrDefaultAsync(d => d.EventId == eventId && d.Group == group, cancellationToken);
        if (existing is null)
        {
            database.Set<DeadLetter>().Add(new DeadLetter
            {
                EventId = eventId,
                Group = group,
                Type = item.Event?.Type ?? "unreadable",
                Subject = item.Event?.Subject ?? "",
                Tenant = item.Event?.Tenant,
                Envelope = item.Body,
                Error = error,
                Attempts = item.Attempts,
                FirstFailureAt = item.FirstFailureAt ?? now,
                LastFailureAt = item.LastFailureAt ?? now,
                DeadLetteredAt = now,
                Status = DeadLetterStatus.Open,
            });
        }
        else
        {
            existing.Error = error;
            existing.Attempts += item.Attempts;
            existing.LastFailureAt = item.LastFailureAt ?? now;
            existing.DeadLetteredAt = now;
            existing.Status = DeadLetterStatus.Open;
            existing.ReplayLockedUntil = null;
        }
        await database.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Takes up to <paramref name="count"/> requested replays of the group, leased so that one worker runs each.</summary>
    public async Task<IReadOnlyList<(long Id, string Envelope)>> ClaimReplaysAsync(
        string group, IReadOnlyCollection<string> types, int count, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var letters = scope.ServiceProvider.GetRequiredService<TContext>().Set<DeadLetter>();
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var until = now + (long)lease.TotalMilliseconds;
        var candidates = await letters
            .Where(d => d.Group == group && types.Contains(d.Type) && d.Status == DeadLetterStatus.ReplayRequested
                && (d.ReplayLockedUntil == null || d.ReplayLockedUntil < now))
            .OrderBy(d => d.Id).Select(d => d.Id).Take(count).ToListAsync(cancellationToken);
        var claimed = new List<(long, string)>();
        foreach (var id in candidates)
        {
            var won = await letters
                .Where(d => d.Id == id && d.Status == DeadLetterStatus.ReplayRequested && (d.ReplayLockedUntil == null || d.ReplayLockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.ReplayLockedUntil, until), cancellationToken);
            if (won == 1)
            {
                claimed.Add((id, await letters.Where(d => d.Id == id).Select(d => d.Envelope).SingleAsync(cancellationToken)));
            }
        }
        return claimed;
    }

    public async Task MarkReplayedAsync(long id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await scope.ServiceProvider.GetRequiredService<TContext>().Set<DeadLetter>()
            .Where(d => d.Id == id && d.Status == DeadLetterStatus.ReplayRequested)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeadLetterStatus.Replayed).SetProperty(d => d.ReplayedAt, now)
                .SetProperty(d => d.ReplayLockedUntil, (long?)null), cancellationToken);
    }
}
