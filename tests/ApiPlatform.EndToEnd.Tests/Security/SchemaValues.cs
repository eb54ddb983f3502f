using System.Globalization;
using System.Text.Json.Nodes;

namespace ApiPlatform.EndToEnd.Tests.Security;

/// <summary>
/// Seeded values for an OpenAPI schema: valid ones (every property of the right type, enums, formats, the platform's
/// tenants and currencies where a property's name asks for them) and invalid ones (one mutation of a valid value).
/// </summary>
internal sealed class SchemaValues(Random random, ContractOperation operation)
{
    private static readonly string[] Hostile =
    [
        "", " ", new string('x', 5000), "\u0000", "line\nbreak", "\u202Eevil", "../../etc/passwd", "%2F%2E%2E", "' OR 1=1 --",
        "<script>alert(1)</script>", "ü€😀", "null", "-1", "1e309", "NaN", "2026-13-45", "{\"$ref\":\"x\"}",
    ];

    private static readonly Dictionary<string, string[]> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["tenant"] = ["acme", "globex"],
        ["currency"] = ["EUR", "USD"],
        ["country"] = ["DE", "US", "FR"],
        ["period"] = [DateTime.UtcNow.ToString("yyyy-MM", CultureInfo.InvariantCulture)],
        ["sku"] = ["SPARE-KIT", "PUMP-H2", "MAN-TECH-DOC"],
        ["decision"] = ["approve", "reject"],
        ["action"] = ["accept", "reject", "wait-for-receipt"],
    };

    public JsonNode? Valid(JsonNode? schema, string? name = null, int depth = 0)
    {
        schema = operation.Resolve(schema);
        if (schema is null || depth > 6)
        {
            return JsonValue.Create("x");
        }
        if (schema["allOf"] is JsonArray all && all.Count > 0)
        {
            return Valid(all[0], name, depth + 1);
        }
        if ((schema["oneOf"] ?? schema["anyOf"]) is JsonArray any && any.Count > 0)
        {
            return Valid(any[random.Next(any.Count)], name, depth + 1);
        }
        if (schema["enum"] is JsonArray values && values.Count > 0)
        {
            return values[random.Next(values.Count)]?.DeepClone();
        }
        if (schema["nullable"]?.GetValue<bool>() == true && random.Next(6) == 0)
        {
            return null;
        }

        return (string?)schema["type"] switch
        {
            "integer" => JsonValue.Create(random.Next(0, 50)),
            "number" => JsonValue.Create(Math.Round(random.NextDouble() * 1000, 2)),
            "boolean" => JsonValue.Create(random.Next(2) == 0),
            "array" => new JsonArray(Enumerable.Range(0, random.Next(1, 3)).Select(_ => Valid(schema["items"], Singular(name), depth + 1)).ToArray()),
            "object" or null when schema["properties"] is JsonObject => Object(schema, depth),
            "object" => new JsonObject(),
            _ => JsonValue.Create(Text(schema, name)),
        };
    }

    /// <summary>A valid value with one thing wrong in it (or the whole value wrong).</summary>
    public JsonNode? Invalid(JsonNode? schema)
    {
        var valid = Valid(schema);
        if (valid is JsonObject body && body.Count > 0 && random.Next(3) > 0)
        {
            var names = body.Select(p => p.Key).ToList();
            var target = names[random.Next(names.Count)];
            switch (random.Next(5))
            {
                case 0: body.Remove(target); break;
                case 1: body[target] = null; break;
                case 2: body["unexpected" + random.Next(100)] = "x"; break;
                default: body[target] = WrongValue(body[target]); break;
            }
            return body;
        }
        return WrongValue(valid);
    }

    public JsonNode? WrongValue(JsonNode? value) => (value?.GetValueKind(), random.Next(4)) switch
    {
        (System.Text.Json.JsonValueKind.String, 0) => JsonValue.Create(random.Next()),
        (System.Text.Json.JsonValueKind.Number, 0) => JsonValue.Create("twelve"),
        (System.Text.Json.JsonValueKind.Number, 1) => JsonValue.Create(-random.Next(1, 1_000_000)),
        (System.Text.Json.JsonValueKind.Number, 2) => JsonValue.Create(1e300),
        (System.Text.Json.JsonValueKind.Array, 0) => new JsonArray(),
        (_, 3) => new JsonArray(JsonValue.Create(1), new JsonObject()),
        _ => JsonValue.Create(Hostile[random.Next(Hostile.Length)]),
    };

    /// <summary>A valid text for a parameter, or a hostile one.</summary>
    public string Parameter(JsonObject parameter, bool valid)
    {
        if (!valid)
        {
            return Hostile[random.Next(Hostile.Length)];
        }
        var value = Valid(parameter["schema"], (string?)parameter["name"]);
        return value switch
        {
            null => "",
            JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => v.GetValue<string>(),
            _ => value.ToJsonString(),
        };
    }

    private JsonObject Object(JsonNode schema, int depth)
    {
        var required = (schema["required"] as JsonArray ?? []).Select(r => (string?)r).ToHashSet();
        var result = new JsonObject();
        foreach (var (property, propertySchema) in (JsonObject)schema["properties"]!)
        {
            if (required.Contains(property) || random.Next(5) > 0)
            {
                result[property] = Valid(propertySchema, property, depth + 1);
            }
        }
        return result;
    }

    private string Text(JsonNode schema, string? name)
    {
        var now = DateTimeOffset.UtcNow;
        switch ((string?)schema["format"])
        {
            case "date-time":
                return now.AddDays(random.Next(1, 60)).ToString("O", CultureInfo.InvariantCulture);
            case "date":
                return now.AddDays(random.Next(-5, 30)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            case "uuid":
                return Guid.NewGuid().ToString();
        }
        if (name is not null && ByName.TryGetValue(name, out var known))
        {
            return known[random.Next(known.Length)];
        }
        return random.Next(3) switch
        {
            0 => $"{name ?? "value"}-{random.Next(1000, 9999)}",
            1 => $"acc-{(random.Next(2) == 0 ? "acme" : "globex")}-{random.Next(1, 4):000}",
            _ => "Fuzz " + Guid.NewGuid().ToString("N")[..8],
        };
    }

    private static string? Singular(string? name) => name is { Length: > 1 } && name.EndsWith('s') ? name[..^1] : name;
}
