namespace ApiPlatform.Messaging.Transports;

/// <summary>
/// Wakes the consumers of a topic when a message was published to it. <see cref="Next"/> completes at the first
/// publish after it was read, so a consumer that reads it before receiving misses nothing in between.
/// </summary>
internal sealed class PublishSignal
{
    private TaskCompletionSource next = NewSource();

    public Task Next => Volatile.Read(ref next).Task;

    public void Notify() => Interlocked.Exchange(ref next, NewSource()).TrySetResult();

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
