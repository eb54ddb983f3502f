namespace ApiPlatform.Catalog;

public sealed class ApiSlo
{
    /// <summary>Monthly availability objective in percent, e.g. 99.9.</summary>
    public double Availability { get; set; }

    public int LatencyP99Ms { get; set; }
}
