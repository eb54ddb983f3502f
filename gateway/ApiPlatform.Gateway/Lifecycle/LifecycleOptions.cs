using System.ComponentModel.DataAnnotations;

namespace ApiPlatform.Gateway.Lifecycle;

/// <summary>How replicas learn of lifecycle changes (section <c>Gateway:Lifecycle</c>).</summary>
public sealed class LifecycleOptions
{
    public const string Section = "Gateway:Lifecycle";

    /// <summary>
    /// How often each replica compares its revision with the store's; changes are also announced over pub/sub, this
    /// catches any announcement missed while disconnected. Keep it under 5 s: that is the promise to admins.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:05")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest one call to the store may take.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:30")]
    public TimeSpan StoreTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
