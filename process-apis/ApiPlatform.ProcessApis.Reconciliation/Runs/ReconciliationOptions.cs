using System.ComponentModel.DataAnnotations;

namespace ApiPlatform.ProcessApis.Reconciliation.Runs;

public sealed class ReconciliationOptions
{
    public const string Section = "Reconciliation";

    /// <summary>Documents asked of erp and finance per page (their APIs allow at most 200).</summary>
    [Range(1, 200)]
    public int PageSize { get; set; } = 200;

    /// <summary>How often a replica looks for queued runs and runs whose lease expired.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a replica owns a run without renewing its lease; it renews every third of it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Starts of a run (the first and the takeovers after a replica died) before it is marked failed.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 3;

    public ScheduleOptions Schedule { get; set; } = new();
}

public sealed class ScheduleOptions
{
    public bool Enabled { get; set; }

    /// <summary>A cron expression of five fields, or six with seconds first.</summary>
    public string Cron { get; set; } = "0 2 * * *";

    /// <summary>The time zone the cron expression is read in (an IANA or Windows id).</summary>
    public string TimeZone { get; set; } = "UTC";

    public List<string> Tenants { get; set; } = [];

    /// <summary>Which periods each tick reconciles, relative to the tick: <c>previous</c> and/or <c>current</c> month.</summary>
    public List<string> Periods { get; set; } = ["previous", "current"];
}
