using ApiPlatform.Gateway.Usage;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Gateway.Slo;

/// <summary>
/// Moves the counted SLO measurements to the shared store every <c>Gateway:UsageFlushInterval</c>, as consumer usage
/// goes. When the store is down the counts stay in memory and go out with the next flush that succeeds.
/// </summary>
internal sealed class SloFlusher(
    SloRecorder recorder, ISloStore store, UsageStoreHealth health, IOptions<GatewayOptions> options, TimeProvider time,
    ILogger<SloFlusher> logger) : BackgroundService
{
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
        var counts = recorder.Drain();
        if (counts.Count == 0)
        {
            return;
        }

        try
        {
            await store.AddAsync(counts, cancellationToken);
        }
        catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException or OperationCanceledException)
        {
            recorder.Restore(counts);
            health.Failed(ex.Message);
            logger.LogWarning(ex, "SLO measurements could not be written to Redis; {Count} counts are kept until it is back", counts.Count);
        }
    }
}
