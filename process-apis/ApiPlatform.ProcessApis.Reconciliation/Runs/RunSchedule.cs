using System.Globalization;
using ApiPlatform.Contracts.Reconciliation;
using Microsoft.Extensions.Options;

namespace ApiPlatform.ProcessApis.Reconciliation.Runs;

/// <summary>
/// Queues the scheduled runs at each tick of the cron expression (read with Cronos): one per configured tenant and
/// period. Every replica sees the tick; the run row carries a unique key of the tick, tenant and period, and is inserted
/// with ON CONFLICT DO NOTHING, so only the replica whose insert wins queues it, and the batch runs once.
/// </summary>
public sealed partial class RunSchedule(IServiceScopeFactory scopes, TimeProvider time, IOptions<ReconciliationOptions> options, ILogger<RunSchedule> logger)
    : BackgroundService
{
    private static readonly TimeSpan LongestWait = TimeSpan.FromHours(12);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var schedule = options.Value.Schedule;
        if (!schedule.Enabled || !ReconciliationOptionsValidator.TryParse(schedule.Cron, out var cron) || cron is null)
        {
            return;
        }
        var zone = TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone);
        var after = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            if (cron.GetNextOccurrence(after, zone) is not { } tick)
            {
                return;
            }
            try
            {
                for (var wait = tick - time.GetUtcNow(); wait > TimeSpan.Zero; wait = tick - time.GetUtcNow())
                {
                    await Task.Delay(wait < LongestWait ? wait : LongestWait, time, stoppingToken);
                }
                await QueueTickAsync(tick, schedule, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogTickFailed(logger, ex, tick);
            }
            after = tick;
        }
    }

    /// <summary>Queues the tick's runs; answers how many this replica queued (the others were queued by another replica).</summary>
    public async Task<int> QueueTickAsync(DateTimeOffset tick, ScheduleOptions schedule, CancellationToken cancellationToken)
    {
        var queued = 0;
        var tickPeriod = ReconciliationPeriod.Of(tick);
        foreach (var tenant in schedule.Tenants)
        {
            foreach (var period in schedule.Periods.Select(p => p == "previous" ? tickPeriod.Previous() : tickPeriod).Distinct())
            {
                var key = $"{tick.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}|{tenant}|{period}";
                await using var scope = scopes.CreateAsyncScope();
                var runs = scope.ServiceProvider.GetRequiredService<RunQueue>();
                if (await runs.TryEnqueueTickAsync(tenant, period.ToString(), key, cancellationToken))
                {
                    queued++;
                }
                else
                {
                    LogTickTaken(logger, key);
                }
            }
        }
        return queued;
    }

    [LoggerMessage(LogLevel.Warning, "Queueing the scheduled reconciliation of {Tick} failed")]
    private static partial void LogTickFailed(ILogger logger, Exception exception, DateTimeOffset tick);

    [LoggerMessage(LogLevel.Debug, "Scheduled run {TickKey} was not queued: another replica queued it, or the period has a queued or running run")]
    private static partial void LogTickTaken(ILogger logger, string tickKey);
}
