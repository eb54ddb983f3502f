using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ApiPlatform.EndToEnd.Tests.Security;

/// <summary>One operation of a published contract, as the gateway serves it (paths are public gateway paths).</summary>
internal sealed record ContractOperation(
    string Api, int Major, string Scope, string Method, string Path, JsonObject Operation, JsonNode Document, IReadOnlyList<JsonObject> Parameters)
{
    public string Name => $"{Method.ToUpperInvariant()} {Path}";

    public IReadOnlyCollection<string> DocumentedStatuses => ((JsonObject)Operation["responses"]!).Select(r => r.Key).ToList();

    public JsonNode? BodySchema => Operation["requestBody"]?["content"]?["application/json"]?["schema"];

    public bool BodyRequired => Operation["requestBody"]?["required"]?.GetValue<bool>() == true;

    public IEnumerable<JsonObject> In(string location) => Parameters.Where(p => (string?)p["in"] == location);

    /// <summary>Follows a <c>$ref</c> into the document's components.</summary>
    public JsonNode? Resolve(JsonNode? schema)
    {
        for (var depth = 0; depth < 10 && schema?["$ref"] is JsonValue reference; depth++)
        {
            schema = reference.GetValue<string>().TrimStart('#', '/').Split('/').Aggregate((JsonNode?)Document, (node, part) => node?[part]);
        }
        return schema;
    }

    /// <summary>
    /// Whether an answer keeps to the operation's own documented responses: never 5xx, a documented status, and a
    /// problem (4xx) as application/problem+json. Returns the breach, or null.
    /// </summary>
    public async Task<string?> BreachAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var media = response.Content.Headers.ContentType?.MediaType;
        var body = await response.Content.ReadAsStringAsync();
        var excerpt = body.Length > 300 ? body[..300] : body;
        if (status >= 500)
        {
            return $"{status} {excerpt}";
        }
        if (!DocumentedStatuses.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture)) && !DocumentedStatuses.Contains("default"))
        {
            return $"undocumented {status} {media} {excerpt}";
        }
        if (status >= 400 && media != "application/problem+json")
        {
            return $"{status} as {media ?? "no content type"} {excerpt}";
        }
        return null;
    }
}

/// <summary>
/// Every operation of every published contract, discovered through the gateway's catalog (so new APIs and versions are
/// covered as they are published), and for each API a development client whose token carries its scope.
/// </summary>
internal sealed class PublishedContracts
{
    // Internal clients first: a partner client is chosen only for the APIs no internal client may call.
    private static readonly (string Id, string Secret)[] Clients =
    [
        ("integration-app", "integration-secret"), ("sales-app", "sales-secret"), ("finance-app", "finance-secret"),
        ("procurement-app", "procurement-secret"), ("partner-acme", "acme-secret"),
    ];

    private readonly Dictionary<string, (string Id, string Secret)> clientByScope = [];

    public List<ContractOperation> Operations { get; } = [];

    public static async Task<PublishedContracts> LoadAsync(PlatformFixture platform)
    {
        var contracts = new PublishedContracts();
        using var admin = await platform.AdminAsync();
        var catalog = await (await admin.GetAsync("/catalog/apis")).AssertJsonAsync(HttpStatusCode.OK);
        foreach (var api in catalog.EnumerateArray())
        {
            var name = api.GetProperty("name").GetString()!;
            foreach (var version in api.GetProperty("versions").EnumerateArray())
            {
                var major = version.GetProperty("major").GetInt32();
                using var response = await admin.GetAsync($"/catalog/apis/{name}/v{major}/openapi.json");
                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    continue; // a draft or retired version has no published contract
                }
                var document = JsonNode.Parse(await response.EnsureSuccessStatusCode().Content.ReadAsStringAsync())!;
                contracts.Add(name, major, api.GetProperty("scope").GetString()!, document);
            }
        }

        foreach (var (id, secret) in Clients)
        {
            foreach (var scope in Scopes(await platform.TokenAsync(id, secret)))
            {
                contracts.clientByScope.TryAdd(scope, (id, secret));
            }
        }
        return contracts;
    }

    /// <summary>The first development client whose token carries the API's scope.</summary>
    public Task<HttpClient> ClientForAsync(PlatformFixture platform, ContractOperation operation) =>
        clientByScope.TryGetValue(operation.Scope, out var client)
            ? platform.ClientAsync(client.Id, client.Secret)
            : throw new InvalidOperationException($"no development client has scope {operation.Scope}");

    private void Add(string api, int major, string scope, JsonNode document)
    {
        var server = new Uri(document["servers"]![0]!["url"]!.GetValue<string>()).AbsolutePath.TrimEnd('/');
        foreach (var (path, item) in (JsonObject)document["paths"]!)
        {
            var shared = (item!["parameters"] as JsonArray ?? []).OfType<JsonObject>().ToList();
            foreach (var (method, operation) in (JsonObject)item)
            {
                if (method is "get" or "put" or "post" or "patch" or "delete" && operation is JsonObject op)
                {
                    var parameters = shared.Concat((op["parameters"] as JsonArray ?? []).OfType<JsonObject>()).ToList();
                    Operations.Add(new ContractOperation(api, major, scope, method, server + path, op, document, parameters));
                }
            }
        }
    }

    private static IEnumerable<string> Scopes(string jwt)
    {
        var payload = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        var claims = JsonDocument.Parse(Convert.FromBase64String(payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '='))).RootElement;
        if (!claims.TryGetProperty("scope", out var scope))
        {
            return [];
        }
        return scope.ValueKind == JsonValueKind.Array
            ? scope.EnumerateArray().Select(s => s.GetString()!)
            : scope.GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>A request for <paramref name="path"/> (parameters already in it) with an optional raw JSON body.</summary>
    public static HttpRequestMessage Request(ContractOperation operation, string path, string? body, string mediaType = "application/json")
    {
        var request = new HttpRequestMessage(new HttpMethod(operation.Method.ToUpperInvariant()), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        }
        return request;
    }
}
