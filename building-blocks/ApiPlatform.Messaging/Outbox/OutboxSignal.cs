namespace ApiPlatform.Messaging.Outbox;

/// <summary>Wakes the relay when this process has just saved outbox rows, so events do not wait for the next poll.</summary>
internal sealed class OutboxSignal
{
    private TaskCompletionSource next = NewSource();

    public void Notify() => Volatile.Read(ref next).TrySetResult();

    /// <summary>Returns at once if notified since the last wait, else on a notification or after the timeout.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        var source = Volatile.Read(ref next);
        if (!source.Task.IsCompleted)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            await Task.WhenAny(source.Task, Task.Delay(timeout, clock, stop.Token));
            await stop.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
        }
        if (source.Task.IsCompleted)
        {
            Interlocked.CompareExchange(ref next, NewSource(), source);
        }
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
