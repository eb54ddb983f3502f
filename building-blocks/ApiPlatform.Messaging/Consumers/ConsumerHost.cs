using ApiPlatform.Messaging.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Messaging.Consumers;

/// <summary>Runs one worker per consumer group and topic it reads.</summary>
internal sealed class ConsumerHost<TContext>(IServiceProvider services, MessagingRegistry registry, IOptions<MessagingOptions> options)
    : BackgroundService where TContext : DbContext
{
    private readonly string consumer = options.Value.Consumer.ConsumerName
        ?? $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";

    public IReadOnlyList<ConsumerWorker<TContext>> CreateWorkers() =>
        registry.Subscriptions()
            .Select(s => new ConsumerWorker<TContext>(s.Group, s.Topic, consumer, registry,
                services.GetRequiredService<Transports.IMessageTransport>(),
                services.GetRequiredService<MessageProcessor<TContext>>(),
                services.GetRequiredService<BatchProcessor<TContext>>(),
                services.GetRequiredService<DeadLetters.DeadLetterWriter<TContext>>(),
                services.GetRequiredService<Monitoring.MessagingMetrics>(),
                options, services.GetRequiredService<TimeProvider>(),
                services.GetRequiredService<Microsoft.Extensions.Logging.ILogger<ConsumerWorker<TContext>>>()))
            .ToList();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Consumer.Enabled)
        {
            return;
        }
        try
        {
            await Task.WhenAll(CreateWorkers().Select(worker => Task.Run(() => worker.RunAsync(stoppingToken), stoppingToken)));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
