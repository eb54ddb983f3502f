using System.ComponentModel.DataAnnotations;

namespace ApiPlatform.VendorConnectors.Telemetry;

/// <summary>How often a system API publishes its connectors' health sample (<c>ConnectorHealth:SampleInterval</c>).</summary>
public sealed class ConnectorHealthOptions
{
    public const string Section = "ConnectorHealth";

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Configuration 'ConnectorHealth:SampleInterval' must be between 1 second and 1 hour.")]
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromMinutes(1);
}
