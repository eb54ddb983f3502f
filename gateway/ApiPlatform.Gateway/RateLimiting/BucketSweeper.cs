namespace ApiPlatform.Gateway.RateLimiting;

/// <summary>Once a minute, drops the limiter's buckets that nobody has asked for since their shared bucket refilled.</summary>
internal sealed class BucketSweeper(GatewayRateLimiter limiter, TimeProvider time) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                limiter.Sweep();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
