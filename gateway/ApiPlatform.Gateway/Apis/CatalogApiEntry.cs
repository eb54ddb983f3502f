using ApiPlatform.Catalog;
using ApiPlatform.Gateway.Lifecycle;

namespace ApiPlatform.Gateway.Apis;

/// <summary>One API as <c>GET /catalog/apis</c> lists it, with each version's lifecycle in force now.</summary>
internal sealed record CatalogApiEntry(
    string Name,
    string Title,
    string Tier,
    ApiOwner Owner,
    string Description,
    ApiSlo Slo,
    string Scope,
    IReadOnlyList<CatalogVersionEntry> Versions)
{
    public static CatalogApiEntry From(ApiLifecycle lifecycle, DateTimeOffset now)
    {
        var api = lifecycle.Definition;
        return new(api.Name, api.Title, api.Tier, api.Owner, api.Description, api.Slo, api.Scope,
            [.. lifecycle.Versions.Select(v => CatalogVersionEntry.From(api, v.Definition, now))]);
    }
}

internal sealed record CatalogVersionEntry(
    int Major,
    string Status,
    DateTimeOffset? ReleasedAt,
    DateTimeOffset? DeprecatedAt,
    DateTimeOffset? SunsetAt,
    int? Successor,
    string Path)
{
    public static CatalogVersionEntry From(ApiDefinition api, ApiVersionDefinition version, DateTimeOffset now) => new(
        version.Major,
        version.StatusAt(now).ToString().ToLowerInvariant(),
        version.ReleasedAt,
        version.DeprecatedAt,
        version.SunsetAt,
        version.Successor,
        $"{api.PathPrefix}/v{version.Major}");
}
