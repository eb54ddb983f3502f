using ApiPlatform.Messaging.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Messaging.Inbox;

/// <summary>
/// Deletes inbox rows older than <see cref="ConsumerOptions.InboxRetention"/>, oldest first, a bounded batch per
/// statement: each statement finds its rows through the <c>ProcessedAt</c> index, and on SQLite none holds the write
/// lock for long, however many rows a first pass after an upgrade finds.
/// </summary>
internal sealed class InboxPruner<TContext>(IServiceScopeFactory scopes, IOptions<MessagingOptions> options, TimeProvider clock)
    where TContext : DbContext
{
    internal const int BatchSize = 1000;

    /// <summary>Deletes every row older than the retention, a batch at a time; returns how many went.</summary>
    public async Task<long> PruneAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow().ToUnixTimeMilliseconds() - (long)options.Value.Consumer.InboxRetention.TotalMilliseconds;
        long deleted = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var inbox = scope.ServiceProvider.GetRequiredService<TContext>().Set<InboxMessage>();
            // The time of the batch's last row (rows that share it go in the same batch); none: the rest fits in one.
            var last = await inbox.Where(i => i.ProcessedAt < before).OrderBy(i => i.ProcessedAt)
                .Select(i => (long?)i.ProcessedAt).Skip(BatchSize - 1).FirstOrDefaultAsync(cancellationToken);
            var upTo = last is { } through ? through + 1 : before;
            deleted += await inbox.Where(i => i.ProcessedAt < upTo).ExecuteDeleteAsync(cancellationToken);
            if (last is null)
            {
                return deleted;
            }
        }
    }
}
