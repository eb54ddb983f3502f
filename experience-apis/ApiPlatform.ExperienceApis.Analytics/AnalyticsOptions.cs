using System.ComponentModel.DataAnnotations;

namespace ApiPlatform.ExperienceApis.Analytics;

/// <summary>Analytics settings (section <c>Analytics</c>).</summary>
public sealed class AnalyticsOptions
{
    public const string Section = "Analytics";

    /// <summary>How long a transaction may wait in a stage without progress before it counts as stalled.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan DefaultSla { get; set; } = TimeSpan.FromHours(1);

    /// <summary>SLA per stage (approval, processing, shipment, payment, receipt-and-invoice, exception, compensation, operator).</summary>
    public Dictionary<string, TimeSpan> Slas { get; set; } = [];

    /// <summary>The period KPIs cover when the caller names none.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "3660.00:00:00")]
    public TimeSpan DefaultKpiPeriod { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The window integration health covers when the caller names none.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "31.00:00:00")]
    public TimeSpan DefaultHealthWindow { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan SlaOf(string stage) => Slas.GetValueOrDefault(stage, DefaultSla);
}
