using ApiPlatform.Catalog;

namespace ApiPlatform.Gateway.Lifecycle;

/// <summary>
/// An API's versions as the gateway checks them on every request; attached to its route as endpoint metadata. The
/// versions are one precomputed snapshot, swapped whole when an admin changes a lifecycle, so a request sees either
/// the old or the new state and never a mix.
/// </summary>
internal sealed class ApiLifecycle(ApiDefinition api, string catalogPath)
{
    private volatile VersionLifecycle[] versions =
        [.. api.Versions.OrderBy(v => v.Major).Select(v => new VersionLifecycle(api, v, catalogPath))];

    public string Name { get; } = api.Name;
    public string Scope { get; } = api.Scope;
    public string PathPrefix { get; } = api.PathPrefix;
    public ApiDefinition Definition { get; } = api;
    public string CatalogPath { get; } = catalogPath;

    public VersionLifecycle[] Versions => versions;

    public VersionLifecycle? Find(int major)
    {
        foreach (var version in versions)
        {
            if (version.Major == major)
            {
                return version;
            }
        }
        return null;
    }

    public string[] SupportedAt(DateTimeOffset now) => [.. versions.Where(v => v.IsServedAt(now)).Select(v => v.Name)];

    /// <summary>Recomputes every version from the catalog with <paramref name="overrides"/> applied, then swaps them in.</summary>
    public void Apply(IReadOnlyDictionary<int, LifecycleState> overrides) =>
        versions = [.. Definition.Versions.OrderBy(v => v.Major).Select(v =>
            new VersionLifecycle(Definition, overrides.TryGetValue(v.Major, out var state) ? state.ApplyTo(v) : v, CatalogPath))];
}
