using Microsoft.Extensions.Logging;

namespace ApiPlatform.Messaging.Consumers;

internal sealed partial class ConsumerWorker<TContext>
{
    private async Task HandleAsync(WorkItem item, CancellationToken cancellationToken)
    {
        var handler = item.Event is { } cloudEvent ? registry.Find(group, cloudEvent.Type) : null;
        if (item.Event is not null && handler is null)
        {
            // Another type on this topic: some other group's business.
            Complete(item);
            return;
        }
        if (!queue.TryStart(item))
        {
            return;
        }

        item.Attempts++;
        try
        {
            if (handler is null)
            {
                throw new FormatException(item.LastError ?? "The message is not a CloudEvent.");
            }
            var applied = await processor.ProcessAsync(item.Event!, handler, item.Attempts, cancellationToken);
            metrics.Handled(group, handler.EventType, applied ? "applied" : "duplicate");
            if (item.DeadLetterId is { } replayed)
            {
                await deadLetters.MarkReplayedAsync(replayed, cancellationToken);
            }
            Complete(item);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            await FailAsync(item, ex, cancellationToken);
        }
    }

    private async Task FailAsync(WorkItem item, Exception exception, CancellationToken cancellationToken)
    {
        var now = Now();
        item.FirstFailureAt ??= now;
        item.LastFailureAt = now;
        item.LastError = exception.ToString();
        var type = item.Event?.Type ?? "unreadable";
        if (item.Attempts < Options.MaxAttempts && item.Event is not null)
        {
            metrics.Handled(group, type, "retry");
            LogRetry(exception, item.Event.Id, group, item.Attempts);
            queue.Retry(item, now + (long)RetryPolicy.Delay(Options, item.Attempts, Random.Shared).TotalMilliseconds);
            return;
        }
        try
        {
            await deadLetters.WriteAsync(group, item, cancellationToken);
            metrics.Handled(group, type, "dead-lettered");
            LogDeadLettered(item.Event?.Id ?? item.TransportId, group, item.Attempts);
            Complete(item);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The dead-letter store is unreachable too: keep the message and try again later.
            LogPassFailed(ex, group, topic);
            queue.Retry(item, now + (long)Options.RetryMaxDelay.TotalMilliseconds);
        }
    }

    private void Complete(WorkItem item)
    {
        if (item.TransportId is { } id)
        {
            acknowledgements.Add(id);
        }
        queue.Completed(item);
    }

    [LoggerMessage(LogLevel.Information, "Event {EventId} failed in group {Group} (attempt {Attempt}); it is retried")]
    private partial void LogRetry(Exception exception, string eventId, string group, int attempt);

    [LoggerMessage(LogLevel.Warning, "Event {EventId} moved to the dead letters of group {Group} after {Attempts} attempts")]
    private partial void LogDeadLettered(string? eventId, string group, int attempts);
}
