using System.Collections.Frozen;
using ApiPlatform.Catalog;
using ApiPlatform.Gateway.Apis;

namespace ApiPlatform.Gateway.Lifecycle;

/// <summary>The lifecycle data of every API, computed once when the catalog is loaded.</summary>
internal sealed class ApiLifecycleRegistry(ApiCatalog catalog)
{
    private readonly FrozenDictionary<string, ApiLifecycle> apis = catalog.Apis.ToFrozenDictionary(
        api => api.Name,
        api => new ApiLifecycle(api, CatalogApi.PathOf(api.Name)),
        StringComparer.Ordinal);

    public ApiLifecycle? Find(string name) => apis.GetValueOrDefault(name);
}
