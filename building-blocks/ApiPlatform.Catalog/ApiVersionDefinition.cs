namespace ApiPlatform.Catalog;

public sealed class ApiVersionDefinition
{
    public int Major { get; set; }
    public string Status { get; set; } = "";
    public DateTimeOffset? ReleasedAt { get; set; }
    public DateTimeOffset? DeprecatedAt { get; set; }
    public DateTimeOffset? SunsetAt { get; set; }
    public int? Successor { get; set; }

    public VersionStatus ParsedStatus => Enum.Parse<VersionStatus>(Status, ignoreCase: true);

    /// <summary>The status in force at <paramref name="now"/>: a version past its sunset instant is retired.</summary>
    public VersionStatus StatusAt(DateTimeOffset now) =>
        SunsetAt is { } sunset && now >= sunset ? VersionStatus.Retired : ParsedStatus;
}
