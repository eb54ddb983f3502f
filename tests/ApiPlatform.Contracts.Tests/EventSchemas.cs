using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using ApiPlatform.Contracts.Events;

namespace ApiPlatform.Contracts.Tests;

/// <summary>
/// The payload schema of every integration event the platform publishes, as consumers read it off the wire: the
/// records implementing <see cref="IIntegrationEvent"/> in the contracts assembly, serialized with the options the
/// outbox writes them with (<see cref="JsonSerializerOptions.Web"/>).
/// </summary>
public static class EventSchemas
{
    // Relaxed escaping keeps patterns readable (a + stays a +); the snapshots are files, never embedded in HTML.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Every event type's wire name and record, ordered by wire name.</summary>
    public static IReadOnlyList<(string EventType, Type Record)> All() =>
        typeof(IIntegrationEvent).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IIntegrationEvent).IsAssignableFrom(t))
            .Select(t => (EventType: WireName(t), Record: t))
            .OrderBy(e => e.EventType, StringComparer.Ordinal)
            .ToList();

    /// <summary>The JSON Schema of one event type's <c>data</c>, titled with its wire name.</summary>
    public static string Generate(string eventType, Type record)
    {
        var schema = JsonSerializerOptions.Web.GetJsonSchemaAsNode(record, new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
        }).AsObject();
        var document = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["title"] = eventType,
            ["description"] = $"The data of the CloudEvent {eventType} (record {record.FullName}).",
        };
        foreach (var (name, value) in schema.ToList())
        {
            schema.Remove(name);
            document[name] = value;
        }
        return document.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
    }

    public static string SnapshotFolder => Path.Combine(ServicesFixture.RepositoryRoot, "contracts", "events");

    public static string SnapshotPath(string eventType) => Path.Combine(SnapshotFolder, eventType + ".json");

    private static string WireName(Type record) =>
        record.GetProperty(nameof(IIntegrationEvent.EventType), BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as string
        ?? throw new InvalidOperationException($"{record.FullName} implements IIntegrationEvent without a public static EventType.");
}
