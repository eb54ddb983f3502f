using System.ComponentModel.DataAnnotations;

namespace ApiPlatform.Gateway.Routing;

/// <summary>Health checks of upstream destinations and how the gateway balances them (section <c>Gateway:Destinations</c>).</summary>
public sealed class DestinationHealthOptions
{
    public const string Section = "Gateway:Destinations";

    /// <summary>Whether each destination is probed at <see cref="ActivePath"/> every <see cref="ActiveInterval"/>.</summary>
    public bool ActiveEnabled { get; set; } = true;

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ActiveInterval { get; set; } = TimeSpan.FromSeconds(10);

    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan ActiveTimeout { get; set; } = TimeSpan.FromSeconds(2);

    [Required, RegularExpression("^/.*")]
    public string ActivePath { get; set; } = "/health/ready";

    /// <summary>How long a destination that failed too many proxied requests is left out before it is tried again.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan PassiveReactivationPeriod { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>YARP's load-balancing policy between the destinations of one API.</summary>
    [Required]
    public string LoadBalancingPolicy { get; set; } = "PowerOfTwoChoices";
}
