using System.ComponentModel.DataAnnotations;

namespace ApiPlatform.ServiceDefaults;

/// <summary>Who this service is: its api name (also its token audience) and tier.</summary>
public sealed class ServiceOptions
{
    public const string Section = "Service";

    [Required, RegularExpression("^[a-z][a-z0-9-]*$")]
    public string Name { get; set; } = "";

    [Required, RegularExpression("^(system|process|experience|platform)$")]
    public string Tier { get; set; } = "";

    /// <summary>
    /// Whether every log line of a request carries its <c>CorrelationId</c> in a log scope. On by default; a proxy whose
    /// request path writes no logs of its own (the gateway audits each request with its correlation id) turns it off.
    /// </summary>
    public bool CorrelationLogScope { get; set; } = true;

    /// <summary>The scope a caller needs for this service's API: <c>{tier}:{name}</c>.</summary>
    public string Scope => $"{Tier}:{Name}";
}
