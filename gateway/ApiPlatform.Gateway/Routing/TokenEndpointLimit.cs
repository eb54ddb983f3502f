using System.ComponentModel.DataAnnotations;

namespace ApiPlatform.Gateway.Routing;

/// <summary><see cref="Requests"/> per <see cref="WindowSeconds"/> from one address, at most <see cref="Burst"/> at once.</summary>
public sealed class TokenEndpointLimit
{
    [Range(1, 100_000)]
    public int Requests { get; set; } = 20;

    [Range(1, 86_400)]
    public int WindowSeconds { get; set; } = 10;

    /// <summary>The bucket size; 0 means <see cref="Requests"/>.</summary>
    [Range(0, 1_000_000)]
    public int Burst { get; set; } = 40;
}
