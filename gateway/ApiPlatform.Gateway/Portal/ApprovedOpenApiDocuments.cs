using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Gateway.Portal;

/// <summary>
/// The approved OpenAPI documents (contracts/openapi/{api}/v{major}.json, copied next to the gateway): the contracts
/// the gateway publishes, available even while a service is down.
/// </summary>
internal sealed class ApprovedOpenApiDocuments(IOptions<CatalogOptions> catalog)
{
    private readonly ConcurrentDictionary<(string Api, int Major), JsonNode?> documents = new();

    public JsonNode? Find(string api, int major) =>
        documents.GetOrAdd((api, major), key =>
        {
            var file = Path.Combine(catalog.Value.EffectiveOpenApiPath, key.Api, $"v{key.Major}.json");
            return File.Exists(file) ? JsonNode.Parse(File.ReadAllText(file)) : null;
        })?.DeepClone();
}
