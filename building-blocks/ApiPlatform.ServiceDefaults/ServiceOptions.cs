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

    /// <summary>The scope a caller needs for this service's API: <c>{tier}:{name}</c>.</summary>
    public string Scope => $"{Tier}:{Name}";
}
