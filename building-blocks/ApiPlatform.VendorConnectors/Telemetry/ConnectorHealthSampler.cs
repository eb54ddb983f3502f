using ApiPlatform.Contracts.Events;
using ApiPlatform.Messaging.Admin;
using ApiPlatform.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ApiPlatform.VendorConnectors.Telemetry;

/// <summary>
/// Every <see cref="ConnectorHealthOptions.SampleInterval"/>, publishes this replica's connector calls of the window and
/// the service's outbox backlog and open dead letters through the outbox, as <typeparamref name="TEvent"/>. A quiet
/// window (no call, nothing pending, and a quiet window before it) publishes nothing.
/// </summary>
internal sealed class ConnectorHealthSampler<TContext, TEvent>(
    ConnectorCallStats stats, IServiceScopeFactory scopes, IOptions<ConnectorHealthOptions> options, TimeProvider time,
    Func<ConnectorHealthSampled, TEvent> create, ILogger<ConnectorHealthSampler<TContext, TEvent>> logger, string system) : BackgroundService
    where TContext : DbContext
    where TEvent : ConnectorHealthSampled, IIntegrationEvent
{
    private readonly string replica = $"{Environment.MachineName[..Math.Min(Environment.MachineName.Length, 30)]}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    private bool lastWasQuiet = true;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var from = time.GetUtcNow();
        using var timer = new PeriodicTimer(options.Value.SampleInterval, time);
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
                    logger.LogWarning(error, "The connector health sample of {System} could not be published", system);
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
        var calls = stats.Drain();
        await using var scope = scopes.CreateAsyncScope();
        var status = await scope.ServiceProvider.GetRequiredService<IMessagingOperations>().GetStatusAsync(cancellationToken);
        var deadLetters = status.Groups.Sum(g => g.OpenDeadLetters);
        var quiet = calls.Count == 0 && status.OutboxBacklog == 0 && deadLetters == 0;
        if (quiet && lastWasQuiet)
        {
            return;
        }

        // The sample is itself an outbox row: the backlog it reports does not count it.
        scope.ServiceProvider.GetRequiredService<IEventPublisher>().Publish(create(
            new Sample(system, replica, from, to, calls, status.OutboxBacklog, status.OutboxOldestAgeSeconds, deadLetters)));
        await scope.ServiceProvider.GetRequiredService<TContext>().SaveChangesAsync(cancellationToken);
        lastWasQuiet = quiet;
    }

    private sealed record Sample(
        string System, string Replica, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<ConnectorCallSample> Connectors,
        long OutboxBacklog, double OutboxOldestAgeSeconds, long OpenDeadLetters)
        : ConnectorHealthSampled(System, Replica, From, To, Connectors, OutboxBacklog, OutboxOldestAgeSeconds, OpenDeadLetters);
}
