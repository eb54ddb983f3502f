using ApiPlatform.Messaging.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Messaging.Outbox;

/// <summary>
/// Publishes committed outbox rows to the transport, oldest first, and marks them published only once the transport
/// has them: a crash in between publishes them again (consumers dedupe), never loses them.
/// </summary>
internal sealed partial class OutboxRelay<TContext>(
    OutboxStore<TContext> store, OutboxBatchPublisher<TContext> publisher, OutboxSignal signal, RelayState state,
    IOptions<MessagingOptions> options, TimeProvider clock, ILogger<OutboxRelay<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    private readonly string relayId = $"{Environment.MachineName[..Math.Min(Environment.MachineName.Length, 30)]}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    private long batches;
    private long lastCleanup = clock.GetUtcNow().ToUnixTimeMilliseconds();

    private OutboxOptions Outbox => options.Value.Outbox;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Outbox.RelayEnabled)
        {
            return;
        }
        state.Started(clock.GetUtcNow().ToUnixTimeMilliseconds());
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var published = await RelayOnceAsync(stoppingToken);
                if (state.ConsecutiveFailures > 0)
                {
                    await Task.Delay(state.RetryDelay(Outbox), clock, stoppingToken);
                }
                else if (published == 0)
                {
                    // Drained, or only rows held back behind another relay's: sleep until a local commit or the poll
                    // interval. After a pass that published anything the next starts at once (a burst has more).
                    await signal.WaitAsync(Outbox.PollInterval, clock, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            state.Stopped();
        }
    }

    /// <summary>One pass: claims a batch, publishes it in order and marks what the transport accepted.</summary>
    public async Task<int> RelayOnceAsync(CancellationToken cancellationToken)
    {
        var token = $"{relayId}#{Interlocked.Increment(ref batches)}";
        try
        {
            var claimed = await store.ClaimAsync(token, cancellationToken);
            var published = await publisher.PublishAsync(token, claimed, cancellationToken);
            var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
            if (now - lastCleanup >= 60_000)
            {
                lastCleanup = now;
                await store.DeletePublishedAsync(cancellationToken);
            }
            return published;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogPassFailed(ex);
            state.Failed(ex.Message);
            return 0;
        }
    }

    [LoggerMessage(LogLevel.Warning, "The outbox relay could not complete a pass; it tries again")]
    private partial void LogPassFailed(Exception exception);
}
