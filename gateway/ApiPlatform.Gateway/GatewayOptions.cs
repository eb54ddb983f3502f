using System.ComponentModel.DataAnnotations;

namespace ApiPlatform.Gateway;

/// <summary>How the gateway reaches the APIs of the catalog (section <c>Gateway</c>).</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>
    /// Upstream address per api name (<c>Gateway:Upstreams:crm</c>), replacing the catalog's in-cluster
    /// <c>upstream</c> for hosts that run the APIs elsewhere (the AppHost, tests).
    /// </summary>
    public Dictionary<string, string> Upstreams { get; set; } = [];

    /// <summary>How long connecting to an upstream may take before the gateway answers 503.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:30")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Idle timeout of requests to the token server (the catalog sets it for APIs).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan IdentityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often counted consumer usage is written to the shared store (Redis).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan UsageFlushInterval { get; set; } = TimeSpan.FromSeconds(5);
}
