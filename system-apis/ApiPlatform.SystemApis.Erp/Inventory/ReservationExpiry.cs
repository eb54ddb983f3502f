namespace ApiPlatform.SystemApis.Erp.Inventory;

/// <summary>Expires overdue reservations every minute, so held stock comes back even when nobody reads it.</summary>
internal sealed class ReservationExpiry(IServiceScopeFactory scopes, TimeProvider time, ILogger<ReservationExpiry> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var expired = await scope.ServiceProvider.GetRequiredService<StockLedger>().ExpireDueAsync(null, stoppingToken);
                if (expired > 0)
                {
                    logger.LogInformation("Expired {Count} reservations", expired);
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogWarning(error, "Expiring reservations failed; trying again in {Interval}", Interval);
            }
        }
    }
}
