using System.ComponentModel.DataAnnotations;
using ApiPlatform.Gateway.RateLimiting;

namespace ApiPlatform.Gateway;

/// <summary>How the gateway reaches the APIs of the catalog and which plans it enforces (section <c>Gateway</c>).</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>
    /// Upstream address per api name (<c>Gateway:Upstreams:crm</c>), replacing the catalog's in-cluster
    /// <c>upstream</c> for hosts that run the APIs elsewhere (the AppHost, tests). Several destinations of one API
    /// are separated by commas; GET and HEAD then move to another one when a connection fails.
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

    /// <summary>
    /// How many consumers of one API version get a traffic series of their own per hour (the first ones seen); the
    /// requests of any other are counted together as <c>(other)</c>, so the series stay bounded however many clients call.
    /// </summary>
    [Range(1, 10_000)]
    public int ConsumerTrafficLimit { get; set; } = 100;

    /// <summary>
    /// The least time between two JWKS fetches caused by tokens signed with an unknown key: after a signing-key rotation
    /// the new key is fetched on its first token. It also bounds how often forged kids can make the gateway fetch.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan SigningKeyRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many gateway replicas run; when Redis is down each enforces its plan divided by this number.</summary>
    [Range(1, 1000)]
    public int ReplicaCount { get; set; } = 1;

    /// <summary>The plan of a client that neither consumers.yaml nor its token assigns one.</summary>
    [Required]
    public string DefaultPlan { get; set; } = "partner-standard";

    /// <summary>Rate-limit plans by name (<c>Gateway:Plans:{name}</c>); the catalog's plans have defaults here.</summary>
    public Dictionary<string, PlanOptions> Plans { get; set; } = new(StringComparer.Ordinal)
    {
        ["partner-standard"] = new() { Requests = 600, WindowSeconds = 60, Burst = 100 },
        ["internal"] = new() { Requests = 3_000, WindowSeconds = 60, Burst = 300 },
        ["service"] = new() { Requests = 12_000, WindowSeconds = 60, Burst = 1_200 },
    };
}
