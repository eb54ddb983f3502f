using ApiPlatform.Messaging.Configuration;
using ApiPlatform.Messaging.DeadLetters;
using ApiPlatform.Messaging.Monitoring;
using ApiPlatform.Messaging.Transports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Messaging.Consumers;

/// <summary>
/// Reads one topic for one consumer group. A failed message waits for its retry without holding up other subjects;
/// later messages of its subject queue behind it so a subject's events are applied in order. Messages are
/// acknowledged only after their handler's transaction committed or they were dead-lettered.
/// </summary>
internal sealed partial class ConsumerWorker<TContext>(
    string group, string topic, string consumer, MessagingRegistry registry, IMessageTransport transport,
    MessageProcessor<TContext> processor, BatchProcessor<TContext> batches, DeadLetterWriter<TContext> deadLetters, MessagingMetrics metrics,
    IOptions<MessagingOptions> options, TimeProvider clock, ILogger<ConsumerWorker<TContext>> logger)
    where TContext : DbContext
{
    private readonly ConsumerQueue queue = new();
    private readonly HashSet<string> held = [];
    private readonly List<string> acknowledgements = [];
    private readonly string[] replayTypes = registry.Handlers.Where(h => h.Group == group && h.Topic == topic).Select(h => h.EventType).ToArray();
    private long nextReplayPoll;
    private bool groupEnsured;

    private ConsumerOptions Options => options.Value.Consumer;

    public string Group => group;

    public string Topic => topic;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var worked = false;
            // Taken before the pass, so a message published while it runs ends the idle wait at once.
            var published = transport.WhenPublished(topic);
            try
            {
                worked = await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogPassFailed(ex, group, topic);
                // The transport may have lost the group (a Redis restarted without persistence): create it again.
                groupEnsured = false;
                await Task.Delay(Options.PollInterval * 10, clock, stoppingToken);
            }
            if (!worked)
            {
                await IdleAsync(published, stoppingToken);
            }
        }
    }

    /// <summary>One pass: receives, picks up due retries and requested replays, handles, then acknowledges.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        if (!groupEnsured)
        {
            await transport.EnsureGroupAsync(topic, group, cancellationToken);
            groupEnsured = true;
        }
        var worked = false;
        if (held.Count < Options.MaxInFlight)
        {
            var count = Math.Min(Options.BatchSize, Options.MaxInFlight - held.Count);
            foreach (var message in await transport.ReceiveAsync(topic, group, consumer, count, Options.ReclaimAfter, cancellationToken))
            {
                // A message of ours that waits for a retry may be offered again once idle: we already hold it.
                if (held.Add(message.Id))
                {
                    queue.Enqueue(WorkItem.Delivered(message));
                    worked = true;
                }
            }
        }
        worked |= await PollReplaysAsync(cancellationToken);
        queue.ReleaseDueRetries(Now());
        var batch = new List<WorkItem>(Options.BatchSize);
        while (queue.TryDequeue(out var item))
        {
            worked = true;
            if (!IsFirstDelivery(item))
            {
                await ApplyBatchAsync(batch, cancellationToken);
                await HandleAsync(item, cancellationToken);
            }
            else if (queue.TryStart(item))
            {
                batch.Add(item);
                if (batch.Count >= Options.BatchSize)
                {
                    await ApplyBatchAsync(batch, cancellationToken);
                }
            }
        }
        await ApplyBatchAsync(batch, cancellationToken);
        await AcknowledgeAsync(cancellationToken);
        return worked;
    }

    [LoggerMessage(LogLevel.Warning, "Consumer group {Group} on topic {Topic} failed a pass; it tries again")]
    private partial void LogPassFailed(Exception exception, string group, string topic);
}
