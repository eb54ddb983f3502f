using System.Text.Json.Nodes;
using ApiPlatform.Catalog;

namespace ApiPlatform.Gateway.Portal;

/// <summary>
/// Turns a service's OpenAPI document into the one a client of the gateway needs: the gateway's URL for the API as
/// server, OAuth 2.0 client credentials at the gateway's token endpoint as security, and operations marked deprecated
/// when the version is.
/// </summary>
internal static class GatewayOpenApiRewriter
{
    private const string SchemeId = "oauth2";

    public static JsonNode Rewrite(JsonNode document, ApiDefinition api, VersionStatus status, DateTimeOffset? sunsetAt, Uri publicUrl)
    {
        document["servers"] = new JsonArray(new JsonObject
        {
            ["url"] = new Uri(publicUrl, api.PathPrefix.TrimStart('/')).AbsoluteUri,
            ["description"] = "ApiPlatform gateway",
        });

        var components = document["components"] as JsonObject ?? [];
        document["components"] = components;
        components["securitySchemes"] = new JsonObject
        {
            [SchemeId] = new JsonObject
            {
                ["type"] = "oauth2",
                ["description"] = $"Client credentials from the platform's token server; the API needs scope '{api.Scope}'.",
                ["flows"] = new JsonObject
                {
                    ["clientCredentials"] = new JsonObject
                    {
                        ["tokenUrl"] = new Uri(publicUrl, "connect/token").AbsoluteUri,
                        ["scopes"] = new JsonObject { [api.Scope] = $"Call the {api.Name} API." },
                    },
                },
            },
        };
        document["security"] = new JsonArray(new JsonObject { [SchemeId] = new JsonArray(api.Scope) });

        var info = document["info"] as JsonObject ?? [];
        document["info"] = info;
        info["x-lifecycle"] = new JsonObject { ["status"] = status.ToString().ToLowerInvariant(), ["sunsetAt"] = sunsetAt?.ToString("O") };
        if (status == VersionStatus.Deprecated)
        {
            foreach (var operation in Operations(document))
            {
                operation["deprecated"] = true;
            }
        }
        return document;
    }

    private static IEnumerable<JsonObject> Operations(JsonNode document) =>
        (document["paths"] as JsonObject ?? [])
            .Select(path => path.Value as JsonObject ?? [])
            .SelectMany(item => item.Where(o => o.Key is "get" or "put" or "post" or "patch" or "delete" or "head" or "options"))
            .Select(o => o.Value)
            .OfType<JsonObject>();
}
