namespace ApiPlatform.Messaging.Consumers;

/// <summary>
/// A worker's messages: ready to handle, waiting for a retry, or parked behind the waiting message of their subject
/// so that one subject's events are applied in order. Replays are out of order by nature and never wait.
/// </summary>
internal sealed class ConsumerQueue
{
    private readonly LinkedList<WorkItem> ready = new();
    private readonly Dictionary<string, WorkItem> blockers = [];
    private readonly Dictionary<string, Queue<WorkItem>> parked = [];
    private readonly PriorityQueue<WorkItem, long> retries = new();

    public long? NextRetryAt => retries.TryPeek(out _, out var due) ? due : null;

    public int RetryCount => retries.Count;

    public void Enqueue(WorkItem item) => ready.AddLast(item);

    public bool TryDequeue(out WorkItem item)
    {
        if (ready.First is { } first)
        {
            ready.RemoveFirst();
            item = first.Value;
            return true;
        }
        item = null!;
        return false;
    }

    /// <summary>False when an earlier message of the same subject is waiting for its retry: the item is parked behind it.</summary>
    public bool TryStart(WorkItem item)
    {
        if (item.IsReplay || !blockers.TryGetValue(item.Subject, out var blocker) || ReferenceEquals(blocker, item))
        {
            return true;
        }
        if (!parked.TryGetValue(item.Subject, out var waiting))
        {
            parked[item.Subject] = waiting = new Queue<WorkItem>();
        }
        waiting.Enqueue(item);
        return false;
    }

    public void Retry(WorkItem item, long due)
    {
        if (!item.IsReplay)
        {
            blockers[item.Subject] = item;
        }
        retries.Enqueue(item, due);
    }

    public void ReleaseDueRetries(long now)
    {
        while (retries.TryPeek(out var item, out var due) && due <= now)
        {
            retries.Dequeue();
            ready.AddFirst(item);
        }
    }

    /// <summary>The item is done (applied, dead-lettered or not ours): the messages parked behind it come first.</summary>
    public void Completed(WorkItem item)
    {
        if (item.IsReplay || !blockers.TryGetValue(item.Subject, out var blocker) || !ReferenceEquals(blocker, item))
        {
            return;
        }
        blockers.Remove(item.Subject);
        if (parked.Remove(item.Subject, out var waiting))
        {
            var first = ready.First;
            foreach (var next in waiting)
            {
                if (first is null)
                {
                    ready.AddLast(next);
                }
                else
                {
                    ready.AddBefore(first, next);
                }
            }
        }
    }
}
