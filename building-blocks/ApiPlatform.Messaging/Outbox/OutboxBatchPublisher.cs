using ApiPlatform.Messaging.Configuration;
using ApiPlatform.Messaging.Monitoring;
using ApiPlatform.Messaging.Transports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Messaging.Outbox;

/// <summary>
/// Hands one claimed batch to the transport in sequence order, consecutive rows of a topic in one call, and stops at
/// the first failure: what went out is marked published, the rest is released for a later retry (never skipped).
/// </summary>
internal sealed partial class OutboxBatchPublisher<TContext>(
    OutboxStore<TContext> store, IMessageTransport transport, RelayState state, MessagingMetrics metrics,
    IOptions<MessagingOptions> options, TimeProvider clock, ILogger<OutboxBatchPublisher<TContext>> logger)
    where TContext : DbContext
{
    public async Task<int> PublishAsync(string token, IReadOnlyList<OutboxMessage> claimed, CancellationToken cancellationToken)
    {
        var published = new List<long>(claimed.Count);
        var start = 0;
        try
        {
            while (start < claimed.Count)
            {
                var end = start;
                while (end < claimed.Count && claimed[end].Topic == claimed[start].Topic)
                {
                    end++;
                }
                var run = claimed.Skip(start).Take(end - start).ToList();
                await transport.PublishAsync(run[0].Topic, run.ConvertAll(m => m.Envelope), cancellationToken);
                metrics.Published(run[0].Topic, run.Count);
                published.AddRange(run.Select(m => m.Sequence));
                start = end;
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogPublishFailed(ex, claimed.Count - start);
            state.Failed(ex.Message);
            await MarkAsync(token, published, cancellationToken);
            var retryAt = clock.GetUtcNow().Add(state.RetryDelay(options.Value.Outbox)).ToUnixTimeMilliseconds();
            await store.ReleaseAsync(token, claimed.Skip(start).Select(m => m.Sequence).ToList(), retryAt, ex.Message, cancellationToken);
            return published.Count;
        }
        await MarkAsync(token, published, cancellationToken);
        state.Progressed(clock.GetUtcNow().ToUnixTimeMilliseconds());
        return published.Count;
    }

    private Task MarkAsync(string token, List<long> published, CancellationToken cancellationToken) =>
        published.Count == 0 ? Task.CompletedTask : store.MarkPublishedAsync(token, published, cancellationToken);

    [LoggerMessage(LogLevel.Warning, "Publishing {Count} outbox events failed; they are retried")]
    private partial void LogPublishFailed(Exception exception, int count);
}
