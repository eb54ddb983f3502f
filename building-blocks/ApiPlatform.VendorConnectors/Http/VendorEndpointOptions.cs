using System.ComponentModel.DataAnnotations;

namespace ApiPlatform.VendorConnectors.Http;

/// <summary>Where a vendor system is and how far it is trusted: timeouts, retries and the largest answer read.</summary>
public class VendorEndpointOptions
{
    [Required, Url]
    public string BaseUrl { get; set; } = "";

    [Range(1, 120)]
    public int AttemptTimeoutSeconds { get; set; } = 10;

    [Range(1, 300)]
    public int TotalTimeoutSeconds { get; set; } = 30;

    [Range(0, 5)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>A throttled call waits for the vendor's Retry-After only up to this; longer, it fails at once with 503.</summary>
    [Range(0, 60)]
    public int MaxRetryAfterSeconds { get; set; } = 5;

    [Range(1024, 64 * 1024 * 1024)]
    public int MaxResponseBytes { get; set; } = 4 * 1024 * 1024;

    public Uri BaseUri => new(BaseUrl.TrimEnd('/') + "/");
}
