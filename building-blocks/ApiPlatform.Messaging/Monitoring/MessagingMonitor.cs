using ApiPlatform.Messaging.Configuration;
using ApiPlatform.Messaging.Inbox;
using ApiPlatform.Messaging.Transports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Messaging.Monitoring;

/// <summary>
/// Refreshes the gauges, and trims the topics this service writes or reads and its inbox, each on its own interval.
/// </summary>
internal sealed partial class MessagingMonitor<TContext>(
    MessagingQueries<TContext> queries, MessagingSnapshot snapshot, MessagingRegistry registry, IMessageTransport transport,
    InboxPruner<TContext> inbox, IOptions<MessagingOptions> options, TimeProvider clock, ILogger<MessagingMonitor<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    private DateTimeOffset nextTrim;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            // Each in its own try: the transport down (the lag gauge, trimming) must not stop the database's upkeep.
            await TryAsync(async () =>
            {
                var (backlog, oldestAge) = await queries.OutboxBacklogAsync(stoppingToken);
                var deadLetters = await queries.OpenDeadLettersAsync(stoppingToken);
                snapshot.Update(snapshot.Current with { Backlog = backlog, OldestAgeSeconds = oldestAge, OpenDeadLetters = deadLetters });
            }, "read the outbox backlog and the dead letters", stoppingToken);
            // The lag gauge keeps its last figures while the transport cannot be asked.
            await TryAsync(async () => snapshot.Update(snapshot.Current with { Lags = await queries.LagsAsync(stoppingToken) }),
                "read the consumer groups' lag", stoppingToken);
            if (clock.GetUtcNow() >= nextTrim)
            {
                nextTrim = clock.GetUtcNow() + options.Value.TrimInterval;
                await TryAsync(async () =>
                {
                    foreach (var topic in registry.Topics())
                    {
                        await transport.TrimAsync(topic, options.Value.Retention, stoppingToken);
                    }
                }, "trim the topics", stoppingToken);
                await TryAsync(() => inbox.PruneAsync(stoppingToken), "trim the inbox", stoppingToken);
            }
            await Task.Delay(options.Value.MonitorInterval, clock, stoppingToken);
        }
    }

    private async Task TryAsync(Func<Task> work, string what, CancellationToken stoppingToken)
    {
        try
        {
            await work();
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            LogFailed(ex, what);
        }
    }

    [LoggerMessage(LogLevel.Warning, "The messaging monitor could not {What}; it tries again")]
    private partial void LogFailed(Exception exception, string what);
}
