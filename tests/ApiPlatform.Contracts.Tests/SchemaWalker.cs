using System.Text.Json.Nodes;

namespace ApiPlatform.Contracts.Tests;

/// <summary>
/// Resolves <c>$ref</c>s (JSON pointers within one document: <c>#/components/schemas/X</c> in OpenAPI,
/// <c>#/properties/lines/items</c> or <c>#</c> in a JSON Schema) and single-element <c>allOf</c>/<c>oneOf</c> wrappers.
/// </summary>
internal sealed class SchemaWalker(JsonNode document)
{
    public JsonNode? Resolve(JsonNode? schema)
    {
        for (var depth = 0; schema is not null && depth < 16; depth++)
        {
            if (schema["$ref"]?.GetValue<string>() is { } reference)
            {
                schema = Pointer(reference);
                continue;
            }

            var wrapper = schema["allOf"] ?? schema["oneOf"] ?? schema["anyOf"];
            if (wrapper is JsonArray { Count: 1 } single)
            {
                schema = single[0];
                continue;
            }
            return schema;
        }
        return schema;
    }

    private JsonNode? Pointer(string reference)
    {
        JsonNode? node = document;
        foreach (var token in reference.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node switch
            {
                JsonObject o => o[name],
                JsonArray a when int.TryParse(name, out var index) && index >= 0 && index < a.Count => a[index],
                _ => null,
            };
        }
        return node;
    }

    public static string? RefName(JsonNode? schema)
    {
        if (schema?["$ref"]?.GetValue<string>() is { } reference)
        {
            return reference;
        }
        return (schema?["allOf"] ?? schema?["oneOf"]) is JsonArray { Count: 1 } single ? RefName(single[0]) : null;
    }
}
