using Microsoft.Extensions.Options;

namespace ApiPlatform.Gateway.Usage;

/// <summary>
/// Moves counts kept in memory (consumer usage, SLO measurements) to the shared store every
/// <c>Gateway:UsageFlushInterval</c>, and once more when the gateway stops. When the store is down the counts stay in
/// memory and go out with the next flush that succeeds; the gateway keeps serving meanwhile.
/// </summary>
internal abstract class CountsFlusher<TKey, TCounter>(
    UsageStoreHealth health, IOptions<GatewayOptions> options, TimeProvider time, ILogger logger) : BackgroundService
    where TKey : notnull
{
    /// <summary>What the counts are, for the log: "Consumer usage".</summary>
    protected abstract string What { get; }

    /// <summary>The recorder's flush gate (see <see cref="UsageRecorder.FlushGate"/>).</summary>
    protected abstract SemaphoreSlim Gate { get; }

    protected abstract IReadOnlyDictionary<TKey, TCounter> Drain();

    protected abstract void Restore(IReadOnlyDictionary<TKey, TCounter> counts);

    protected abstract Task StoreAsync(IReadOnlyDictionary<TKey, TCounter> counts, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.UsageFlushInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(CancellationToken.None);
        try
        {
            var counts = Drain();
            if (counts.Count == 0)
            {
                return;
            }

            try
            {
                await StoreAsync(counts, cancellationToken);
                health.Succeeded();
            }
            catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException or OperationCanceledException)
            {
                Restore(counts);
                health.Failed(ex.Message);
                logger.LogWarning(ex, "{What} could not be written to Redis; {Count} counts are kept until it is back", What, counts.Count);
            }
        }
        finally
        {
            Gate.Release();
        }
    }
}
