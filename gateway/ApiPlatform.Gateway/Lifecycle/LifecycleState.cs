using ApiPlatform.Catalog;

namespace ApiPlatform.Gateway.Lifecycle;

/// <summary>A version's lifecycle: what the catalog declares, or what an admin set in its place.</summary>
internal sealed record LifecycleState(string Status, DateTimeOffset? DeprecatedAt, DateTimeOffset? SunsetAt, int? Successor)
{
    public static LifecycleState Of(ApiVersionDefinition version) =>
        new(version.Status, version.DeprecatedAt, version.SunsetAt, version.Successor);

    /// <summary>The catalog's version with this lifecycle in place of its own.</summary>
    public ApiVersionDefinition ApplyTo(ApiVersionDefinition version) => new()
    {
        Major = version.Major,
        ReleasedAt = version.ReleasedAt,
        Status = Status,
        DeprecatedAt = DeprecatedAt,
        SunsetAt = SunsetAt,
        Successor = Successor,
    };
}
