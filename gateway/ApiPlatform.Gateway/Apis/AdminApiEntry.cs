using ApiPlatform.Catalog;
using ApiPlatform.Gateway.Lifecycle;

namespace ApiPlatform.Gateway.Apis;

/// <summary>One API as admins see it: the catalog entry with the lifecycle in force, its upstream and policies.</summary>
internal sealed record AdminApiEntry(
    string Name,
    string Title,
    string Tier,
    ApiOwner Owner,
    string Upstream,
    ApiPolicies Policies,
    IReadOnlyList<CatalogVersionEntry> Versions)
{
    public static AdminApiEntry From(ApiLifecycle lifecycle, DateTimeOffset now)
    {
        var api = lifecycle.Definition;
        return new(api.Name, api.Title, api.Tier, api.Owner, api.Upstream, api.Policies,
            [.. lifecycle.Versions.Select(v => CatalogVersionEntry.From(api, v.Definition, now))]);
    }
}
