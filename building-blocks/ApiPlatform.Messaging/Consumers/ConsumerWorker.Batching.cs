using Microsoft.Extensions.Logging;

namespace ApiPlatform.Messaging.Consumers;

/// <summary>First deliveries are applied in batches, one transaction each; a failing event leaves its batch.</summary>
internal sealed partial class ConsumerWorker<TContext>
{
    /// <summary>A first delivery of an event this group handles: it may be applied together with others.</summary>
    private bool IsFirstDelivery(WorkItem item) =>
        item is { IsReplay: false, Attempts: 0, Event: { } cloudEvent } && registry.Find(group, cloudEvent.Type) is not null;

    private async Task ApplyBatchAsync(List<WorkItem> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }
        var events = batch.ConvertAll(item => (item.Event!, registry.Find(group, item.Event!.Type)!));
        try
        {
            var applied = await batches.ProcessAsync(events, cancellationToken);
            for (var i = 0; i < batch.Count; i++)
            {
                metrics.Handled(group, events[i].Item2.EventType, applied[i] ? "applied" : "duplicate");
                Complete(batch[i]);
            }
        }
        catch (BatchItemException failed) when (failed.NeedsOwnTransaction && !cancellationToken.IsCancellationRequested)
        {
            // Not a failure yet: the events before it go again as a batch, it on its own, then the events after it, so
            // its subject's order holds (the rest start only once it is done or waits for a retry).
            var before = batch.Take(failed.Index).ToList();
            var item = batch[failed.Index];
            var after = batch.Skip(failed.Index + 1).ToList();
            batch.Clear();
            batch.AddRange(before);
            await ApplyBatchAsync(batch, cancellationToken);
            await HandleAsync(item, cancellationToken);
            batch.AddRange(after.Where(queue.TryStart));
            await ApplyBatchAsync(batch, cancellationToken);
        }
        catch (BatchItemException failed) when (!cancellationToken.IsCancellationRequested)
        {
            var rest = batch.Where((_, i) => i != failed.Index).ToList();
            var item = batch[failed.Index];
            item.Attempts++;
            await FailAsync(item, failed.InnerException!, cancellationToken);
            batch.Clear();
            // Later events of the failed event's subject now wait behind it; the others go again without it.
            batch.AddRange(rest.Where(queue.TryStart));
            await ApplyBatchAsync(batch, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogBatchFailed(ex, group, batch.Count);
            foreach (var item in batch)
            {
                await HandleAsync(item, cancellationToken);
            }
        }
        batch.Clear();
    }

    [LoggerMessage(LogLevel.Debug, "A batch of {Count} events failed in group {Group}; its events are applied one by one")]
    private partial void LogBatchFailed(Exception exception, string group, int count);
}
