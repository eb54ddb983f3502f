using System.Text.Json.Nodes;

namespace ApiPlatform.Contracts.Tests;

/// <summary>
/// The changes from a published OpenAPI document to a new one that break its clients: a removed path, operation,
/// response property or enum value; a new required request property or parameter; a changed type.
/// </summary>
public static class OpenApiBreakingChanges
{
    private static readonly string[] Methods = ["get", "put", "post", "patch", "delete", "head", "options"];

    public static IReadOnlyList<string> Find(JsonNode published, JsonNode candidate)
    {
        var changes = new List<string>();
        var before = new SchemaWalker(published);
        var after = new SchemaWalker(candidate);
        foreach (var (path, oldItem) in Children(published["paths"]))
        {
            if (candidate["paths"]?[path] is not JsonObject newItem)
            {
                changes.Add($"removed path {path}");
                continue;
            }

            foreach (var method in Methods.Where(m => oldItem?[m] is not null))
            {
                var operation = $"{method.ToUpperInvariant()} {path}";
                if (newItem[method] is not JsonObject newOperation)
                {
                    changes.Add($"removed operation {operation}");
                    continue;
                }
                changes.AddRange(CompareOperation(operation, oldItem![method]!, newOperation, before, after));
            }
        }
        return changes;
    }

    private static IEnumerable<string> CompareOperation(string operation, JsonNode old, JsonNode @new, SchemaWalker before, SchemaWalker after)
    {
        var oldParameters = Children(old["parameters"]).Select(p => p.Value!).ToDictionary(Key);
        foreach (var parameter in Children(@new["parameters"]).Select(p => p.Value!))
        {
            var key = Key(parameter);
            var required = parameter["required"]?.GetValue<bool>() == true;
            if (!oldParameters.TryGetValue(key, out var oldParameter))
            {
                if (required)
                {
                    yield return $"{operation}: new required parameter {key}";
                }
                continue;
            }

            if (required && oldParameter["required"]?.GetValue<bool>() != true)
            {
                yield return $"{operation}: parameter {key} became required";
            }

            foreach (var change in SchemaComparison.Compare($"{operation} parameter {key}", before, oldParameter["schema"], after, parameter["schema"], Direction.Request))
            {
                yield return change;
            }
        }

        var oldBody = old["requestBody"]?["content"]?["application/json"]?["schema"];
        var newBody = @new["requestBody"]?["content"]?["application/json"]?["schema"];
        foreach (var change in SchemaComparison.Compare($"{operation} request body", before, oldBody, after, newBody, Direction.Request))
        {
            yield return change;
        }

        foreach (var (status, response) in Children(old["responses"]))
        {
            var oldSchema = response?["content"]?["application/json"]?["schema"];
            var newSchema = @new["responses"]?[status]?["content"]?["application/json"]?["schema"];
            foreach (var change in SchemaComparison.Compare($"{operation} response {status}", before, oldSchema, after, newSchema, Direction.Response))
            {
                yield return change;
            }
        }
    }

    private static string Key(JsonNode parameter) => $"{parameter["in"]}:{parameter["name"]}";

    internal static IEnumerable<KeyValuePair<string, JsonNode?>> Children(JsonNode? node) =>
        node switch
        {
            JsonObject o => o,
            JsonArray a => a.Select((n, i) => KeyValuePair.Create(i.ToString(System.Globalization.CultureInfo.InvariantCulture), n)),
            _ => [],
        };
}
