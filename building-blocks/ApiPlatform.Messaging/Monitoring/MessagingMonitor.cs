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
            try
            {
                snapshot.Update(await queries.ReadAsync(stoppingToken));
                if (clock.GetUtcNow() >= nextTrim)
                {
                    nextTrim = clock.GetUtcNow() + options.Value.TrimInterval;
                    foreach (var topic in registry.Topics())
                    {
                        await transport.TrimAsync(topic, options.Value.Retention, stoppingToken);
                    }
                    await inbox.PruneAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(ex);
            }
            await Task.Delay(options.Value.MonitorInterval, clock, stoppingToken);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Messaging figures could not be read, or a topic or the inbox could not be trimmed")]
    private partial void LogFailed(Exception exception);
}
