using ApiPlatform.Messaging.Admin;
using ApiPlatform.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ApiPlatform.Messaging.Health;

/// <summary>
/// Every sample interval, publishes through the service's outbox what this replica saw in the window (its messaging:
/// outbox backlog, oldest unpublished event, open dead letters; and whatever the service adds, such as connector calls)
/// as <typeparamref name="TEvent"/>. A quiet window (nothing active, nothing pending, and a quiet window before it)
/// publishes nothing.
/// </summary>
internal sealed class HealthSampler<TContext, TEvent>(
    IServiceScopeFactory scopes, TimeSpan interval, TimeProvider time, Func<MessagingHealthWindow, HealthSample<TEvent>> sample,
    ILogger<HealthSampler<TContext, TEvent>> logger, string service) : BackgroundService
    where TContext : DbContext
    where TEvent : IIntegrationEvent
{
    private readonly string replica = $"{Environment.MachineName[..Math.Min(Environment.MachineName.Length, 30)]}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    private bool lastWasQuiet = true;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var from = time.GetUtcNow();
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var to = time.GetUtcNow();
                try
                {
                    await SampleAsync(from, to, stoppingToken);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    logger.LogWarning(error, "The health sample of {Service} could not be published", service);
                }
                from = to;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SampleAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var status = await scope.ServiceProvider.GetRequiredService<IMessagingOperations>().GetStatusAsync(cancellationToken);
        var deadLetters = status.Groups.Sum(g => g.OpenDeadLetters);
        var (sampled, active) = sample(new MessagingHealthWindow(replica, from, to, status.OutboxBacklog, status.OutboxOldestAgeSeconds, deadLetters));
        var quiet = !active && status.OutboxBacklog == 0 && deadLetters == 0;
        if (quiet && lastWasQuiet)
        {
            return;
        }

        // The sample is itself an outbox row: the backlog it reports does not count it.
        scope.ServiceProvider.GetRequiredService<IEventPublisher>().Publish(sampled);
        await scope.ServiceProvider.GetRequiredService<TContext>().SaveChangesAsync(cancellationToken);
        lastWasQuiet = quiet;
    }
}
