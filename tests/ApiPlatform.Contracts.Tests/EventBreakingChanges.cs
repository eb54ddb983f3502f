using System.Text.Json.Nodes;

namespace ApiPlatform.Contracts.Tests;

/// <summary>
/// The changes from a published event payload schema to a new one that break its consumers, who read it as a client
/// reads a response: a removed property or enum value, a changed type (nullability included).
/// </summary>
public static class EventBreakingChanges
{
    public static IReadOnlyList<string> Find(string eventType, JsonNode published, JsonNode candidate) =>
        SchemaComparison.Compare(eventType, new SchemaWalker(published), published, new SchemaWalker(candidate), candidate, Direction.Response).ToList();
}
