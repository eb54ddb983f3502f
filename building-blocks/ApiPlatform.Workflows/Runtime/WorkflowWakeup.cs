namespace ApiPlatform.Workflows.Runtime;

/// <summary>Wakes this replica's runner at once when an instance is started or signalled here, instead of at its next poll.</summary>
internal sealed class WorkflowWakeup
{
    private TaskCompletionSource signal = NewSource();

    public void Notify() => Volatile.Read(ref signal).TrySetResult();

    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref signal);
        try
        {
            await current.Task.WaitAsync(timeout, time, cancellationToken);
        }
        catch (TimeoutException)
        {
        }
        Interlocked.CompareExchange(ref signal, NewSource(), current);
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
