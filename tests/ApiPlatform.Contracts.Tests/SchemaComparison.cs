using System.Text.Json.Nodes;

namespace ApiPlatform.Contracts.Tests;

internal static class SchemaComparison
{
    public static IEnumerable<string> Compare(string at, SchemaWalker before, JsonNode? oldSchema, SchemaWalker after, JsonNode? newSchema, Direction direction) =>
        Walk(at, before, oldSchema, after, newSchema, direction, []);

    private static IEnumerable<string> Walk(
        string at, SchemaWalker before, JsonNode? oldSchema, SchemaWalker after, JsonNode? newSchema, Direction direction, HashSet<string> seen)
    {
        if (oldSchema is null || newSchema is null)
        {
            if (oldSchema is not null && direction == Direction.Response)
            {
                yield return $"{at}: the response body was removed";
            }
            yield break;
        }

        // A recursive schema is compared once per place it is reached from.
        var visit = $"{at}|{SchemaWalker.RefName(oldSchema)}";
        if (!seen.Add(visit) || seen.Count > 500)
        {
            yield break;
        }

        var old = before.Resolve(oldSchema)!;
        var @new = after.Resolve(newSchema)!;
        var oldType = old["type"]?.ToJsonString();
        var newType = @new["type"]?.ToJsonString();
        if (oldType != newType || (old["format"]?.ToJsonString() is { } oldFormat && @new["format"]?.ToJsonString() is { } newFormat && oldFormat != newFormat))
        {
            yield return $"{at}: type changed from {Describe(old)} to {Describe(@new)}";
            yield break;
        }

        var newEnum = (@new["enum"] as JsonArray)?.Select(v => v?.ToJsonString()).ToHashSet();
        foreach (var removed in (old["enum"] as JsonArray)?.Select(v => v?.ToJsonString()).Where(v => newEnum is not null && !newEnum.Contains(v)) ?? [])
        {
            yield return $"{at}: enum value {removed} was removed";
        }

        foreach (var change in Properties(at, before, old, after, @new, direction, seen))
        {
            yield return change;
        }

        foreach (var change in Walk($"{at}[]", before, old["items"], after, @new["items"], direction, seen))
        {
            yield return change;
        }
    }

    private static IEnumerable<string> Properties(
        string at, SchemaWalker before, JsonNode old, SchemaWalker after, JsonNode @new, Direction direction, HashSet<string> seen)
    {
        var oldProperties = old["properties"] as JsonObject;
        var newProperties = @new["properties"] as JsonObject;
        var oldRequired = Names(old["required"]);
        if (direction == Direction.Request)
        {
            foreach (var name in Names(@new["required"]).Except(oldRequired))
            {
                yield return $"{at}: new required property {name}";
            }
        }

        foreach (var (name, oldProperty) in oldProperties ?? [])
        {
            if (newProperties?[name] is not { } newProperty)
            {
                if (direction == Direction.Response)
                {
                    yield return $"{at}: property {name} was removed";
                }
                continue;
            }

            foreach (var change in Walk($"{at}.{name}", before, oldProperty, after, newProperty, direction, seen))
            {
                yield return change;
            }
        }
    }

    private static HashSet<string> Names(JsonNode? list) =>
        (list as JsonArray)?.Select(n => n!.GetValue<string>()).ToHashSet() ?? [];

    private static string Describe(JsonNode schema) =>
        $"{Text(schema["type"]) ?? "untyped"}{(Text(schema["format"]) is { } format ? $" ({format})" : "")}";

    private static string? Text(JsonNode? node) => node is JsonValue value ? value.ToString() : node?.ToJsonString();
}
