using Microsoft.Extensions.Logging;

namespace ApiPlatform.Workflows.Runtime;

internal sealed partial class InstanceRun<TState>
{
    /// <summary>
    /// Runs a step's side effect while renewing the lease every third of its duration, so a long step is not taken over
    /// by another runner while it still runs (the idempotency keys would make that safe, but wasteful).
    /// </summary>
    private async Task<T> WithLeaseAsync<T>(Func<Task<T>> work)
    {
        using var done = new CancellationTokenSource();
        var heartbeat = RenewWhileRunningAsync(done.Token);
        try
        {
            return await work();
        }
        finally
        {
            await done.CancelAsync();
            await heartbeat;
        }
    }

    private async Task RenewWhileRunningAsync(CancellationToken done)
    {
        try
        {
            while (true)
            {
                await Task.Delay(options.LeaseDuration / 3, clock, done);
                if (!await renewLease(done))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (done.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // Never let the heartbeat fail the step: without renewal the lease simply runs out as it would anyway.
            logger.LogWarning(ex, "Could not renew the lease of {Instance}; it runs out as usual", instance.Id);
        }
    }
}
