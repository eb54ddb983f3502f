using Cronos;
using Microsoft.Extensions.Options;

namespace ApiPlatform.ProcessApis.Reconciliation.Runs;

/// <summary>Fails the start with the key that is wrong: a bad cron expression, time zone, period or interval.</summary>
public sealed class ReconciliationOptionsValidator : IValidateOptions<ReconciliationOptions>
{
    public ValidateOptionsResult Validate(string? name, ReconciliationOptions options)
    {
        var failures = new List<string>();
        if (options.PollInterval <= TimeSpan.Zero)
        {
            failures.Add("Reconciliation:PollInterval must be positive.");
        }
        if (options.LeaseDuration < TimeSpan.FromSeconds(3))
        {
            failures.Add("Reconciliation:LeaseDuration must be at least 3 seconds.");
        }
        var schedule = options.Schedule;
        if (schedule.Enabled)
        {
            if (!TryParse(schedule.Cron, out _))
            {
                failures.Add($"Reconciliation:Schedule:Cron '{schedule.Cron}' is not a cron expression of five or six fields.");
            }
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(schedule.TimeZone, out _))
            {
                failures.Add($"Reconciliation:Schedule:TimeZone '{schedule.TimeZone}' is not a known time zone.");
            }
            if (schedule.Tenants.Count == 0 || schedule.Tenants.Any(string.IsNullOrWhiteSpace))
            {
                failures.Add("Reconciliation:Schedule:Tenants must name at least one tenant.");
            }
            if (schedule.Periods.Count == 0 || schedule.Periods.Any(p => p is not ("previous" or "current")))
            {
                failures.Add("Reconciliation:Schedule:Periods must list 'previous' and/or 'current'.");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static bool TryParse(string expression, out CronExpression? cron)
    {
        var format = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
        return CronExpression.TryParse(expression, format, out cron);
    }
}
