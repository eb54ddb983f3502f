using System.Collections.Frozen;
using ApiPlatform.Catalog;
using ApiPlatform.Gateway.Apis;

namespace ApiPlatform.Gateway.Lifecycle;

/// <summary>
/// The lifecycle data of every API, computed once when the catalog is loaded and recomputed (per API, swapped
/// atomically) whenever the lifecycle overrides change.
/// </summary>
internal sealed class ApiLifecycleRegistry(ApiCatalog catalog)
{
    private readonly FrozenDictionary<string, ApiLifecycle> apis = catalog.Apis.ToFrozenDictionary(
        api => api.Name,
        api => new ApiLifecycle(api, CatalogApi.PathOf(api.Name)),
        StringComparer.Ordinal);

    public IEnumerable<ApiLifecycle> All => apis.Values.OrderBy(a => a.Name, StringComparer.Ordinal);

    /// <summary>The revision of the overrides in force (0: the catalog as declared).</summary>
    public long Revision { get; private set; }

    public ApiLifecycle? Find(string name) => apis.GetValueOrDefault(name);

    public void Apply(LifecycleSnapshot snapshot)
    {
        foreach (var api in apis.Values)
        {
            api.Apply(snapshot.Overrides.Where(o => o.Key.Api == api.Name).ToDictionary(o => o.Key.Major, o => o.Value.State));
        }
        Revision = snapshot.Revision;
    }
}
