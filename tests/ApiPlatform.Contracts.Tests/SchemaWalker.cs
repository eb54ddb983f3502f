using System.Text.Json.Nodes;

namespace ApiPlatform.Contracts.Tests;

/// <summary>Resolves <c>$ref</c>s and single-element <c>allOf</c>/<c>oneOf</c> wrappers within one document.</summary>
internal sealed class SchemaWalker(JsonNode document)
{
    public JsonNode? Resolve(JsonNode? schema)
    {
        for (var depth = 0; schema is not null && depth < 16; depth++)
        {
            if (schema["$ref"]?.GetValue<string>() is { } reference)
            {
                schema = document[reference.Split('/')[1]]?[reference.Split('/')[2]]?[reference.Split('/')[3]];
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

    public static string? RefName(JsonNode? schema)
    {
        if (schema?["$ref"]?.GetValue<string>() is { } reference)
        {
            return reference;
        }
        return (schema?["allOf"] ?? schema?["oneOf"]) is JsonArray { Count: 1 } single ? RefName(single[0]) : null;
    }
}
