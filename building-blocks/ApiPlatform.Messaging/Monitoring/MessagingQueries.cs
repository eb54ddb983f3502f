using ApiPlatform.Messaging.Configuration;
using ApiPlatform.Messaging.DeadLetters;
using ApiPlatform.Messaging.Outbox;
using ApiPlatform.Messaging.Transports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApiPlatform.Messaging.Monitoring;

/// <summary>Reads the figures behind the gauges, readiness and the operations API.</summary>
internal sealed class MessagingQueries<TContext>(
    IServiceScopeFactory scopes, MessagingRegistry registry, IMessageTransport transport, TimeProvider clock)
    where TContext : DbContext
{
    public async Task<(long Count, double OldestAgeSeconds)> OutboxBacklogAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var pending = scope.ServiceProvider.GetRequiredService<TContext>().Set<OutboxMessage>().Where(o => o.Status == OutboxStatus.Pending);
        var count = await pending.LongCountAsync(cancellationToken);
        var oldest = count == 0 ? null : await pending.MinAsync(o => (long?)o.CreatedAt, cancellationToken);
        var age = oldest is { } created ? Math.Max(0, clock.GetUtcNow().ToUnixTimeMilliseconds() - created) / 1000.0 : 0;
        return (count, age);
    }

    public async Task<IReadOnlyDictionary<string, long>> OpenDeadLettersAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var open = await scope.ServiceProvider.GetRequiredService<TContext>().Set<DeadLetter>()
            .Where(d => d.Status == DeadLetterStatus.Open || d.Status == DeadLetterStatus.ReplayRequested)
            .GroupBy(d => d.Group).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(cancellationToken);
        return registry.Handlers.Select(h => h.Group).Distinct()
            .ToDictionary(group => group, group => open.FirstOrDefault(o => o.Key == group)?.Count ?? 0);
    }

    public async Task<IReadOnlyList<MessagingSnapshot.GroupLag>> LagsAsync(CancellationToken cancellationToken)
    {
        var lags = new List<MessagingSnapshot.GroupLag>();
        foreach (var (group, topic) in registry.Subscriptions())
        {
            lags.Add(new(group, topic, await transport.GetLagAsync(topic, group, cancellationToken)));
        }
        return lags;
    }

    public async Task<MessagingSnapshot.Figures> ReadAsync(CancellationToken cancellationToken)
    {
        var (backlog, age) = await OutboxBacklogAsync(cancellationToken);
        return new(backlog, age, await LagsAsync(cancellationToken), await OpenDeadLettersAsync(cancellationToken));
    }
}
