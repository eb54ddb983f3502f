using System.Globalization;
using ApiPlatform.Catalog;

namespace ApiPlatform.Gateway.Lifecycle;

/// <summary>One version of an API with the lifecycle header values computed once from its (effective) definition.</summary>
internal sealed class VersionLifecycle
{
    public VersionLifecycle(ApiDefinition api, ApiVersionDefinition version, string catalogPath)
    {
        Definition = version;
        Major = version.Major;
        Name = $"v{version.Major}";
        Status = version.ParsedStatus;
        SunsetAt = version.SunsetAt;
        SuccessorPath = version.Successor is { } successor ? $"{api.PathPrefix}/v{successor}" : null;

        // RFC 9745 structured date and RFC 8594 HTTP-date.
        DeprecationHeader = version.DeprecatedAt is { } deprecatedAt ? $"@{deprecatedAt.ToUnixTimeSeconds()}" : null;
        SunsetHeader = version.SunsetAt?.ToString("R", CultureInfo.InvariantCulture);
        SuccessorLink = SuccessorPath is null ? null : $"<{SuccessorPath}>; rel=\"successor-version\"";
        var deprecationLink = $"<{catalogPath}>; rel=\"deprecation\"";
        DeprecatedLinkHeader = SuccessorLink is null ? deprecationLink : $"{SuccessorLink}, {deprecationLink}";
    }

    /// <summary>The version as in force: the catalog's, or the catalog's with an admin's lifecycle change applied.</summary>
    public ApiVersionDefinition Definition { get; }
    public int Major { get; }
    public string Name { get; }
    public VersionStatus Status { get; }
    public DateTimeOffset? SunsetAt { get; }
    public string? SuccessorPath { get; }
    public string? DeprecationHeader { get; }
    public string? SunsetHeader { get; }
    public string? SuccessorLink { get; }
    public string DeprecatedLinkHeader { get; }

    /// <summary>The status in force at <paramref name="now"/>: a version past its sunset instant is retired.</summary>
    public VersionStatus StatusAt(DateTimeOffset now) =>
        SunsetAt is { } sunset && now >= sunset ? VersionStatus.Retired : Status;

    public bool IsServedAt(DateTimeOffset now) => StatusAt(now) is VersionStatus.Active or VersionStatus.Deprecated;
}
