using System.Text.Json.Nodes;

namespace ApiPlatform.Contracts.Tests;

/// <summary>
/// The event contract gate, beside the OpenAPI one: each integration event's payload schema must equal its approved
/// snapshot in contracts/events/{type}.json and must not break it; a published event type may not disappear. After an
/// intended, non-breaking change, regenerate with APIPLATFORM_UPDATE_SNAPSHOTS=1 and review the diff; a breaking change
/// is never written: it needs a new version of the event type (…v2), published beside the old one.
/// </summary>
public sealed class EventSchemaSnapshotTests
{
    private static bool Updating => Environment.GetEnvironmentVariable("APIPLATFORM_UPDATE_SNAPSHOTS") == "1";

    public static TheoryData<string> EventTypes => new(EventSchemas.All().Select(e => e.EventType));

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void The_payload_schema_makes_no_breaking_change_to_the_published_one(string eventType)
    {
        var (approved, generated) = Schemas(eventType);

        var changes = EventBreakingChanges.Find(eventType, JsonNode.Parse(approved)!, JsonNode.Parse(generated)!);

        Assert.True(changes.Count == 0,
            $"{eventType} breaks its published payload:\n  - {string.Join("\n  - ", changes)}\nA breaking change needs a new version of the event type.");
    }

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void The_payload_schema_matches_the_approved_snapshot(string eventType)
    {
        var (approved, generated) = Schemas(eventType);

        if (Updating && EventBreakingChanges.Find(eventType, JsonNode.Parse(approved)!, JsonNode.Parse(generated)!).Count == 0)
        {
            File.WriteAllText(EventSchemas.SnapshotPath(eventType), generated);
            approved = generated;
        }

        Assert.True(approved == generated, SnapshotDiff.Describe($"event {eventType}", approved, generated, $"contracts/events/{eventType}.json"));
    }

    [Fact]
    public void Every_published_event_type_is_still_published()
    {
        var published = Directory.GetFiles(EventSchemas.SnapshotFolder, "*.json").Select(Path.GetFileNameWithoutExtension);
        var current = EventSchemas.All().Select(e => e.EventType).ToHashSet(StringComparer.Ordinal);

        var removed = published.Where(type => !current.Contains(type!)).ToList();

        Assert.True(removed.Count == 0,
            $"Event types with an approved snapshot are no longer published: {string.Join(", ", removed)}. Consumers depend on them; publish them until their consumers have moved.");
    }

    [Fact]
    public void Event_types_have_unique_versioned_wire_names()
    {
        var all = EventSchemas.All();

        Assert.NotEmpty(all);
        Assert.All(all, e => Assert.Matches(@"^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+\.v[1-9][0-9]*$", e.EventType));
        Assert.Equal(all.Count, all.Select(e => e.EventType).Distinct(StringComparer.Ordinal).Count());
    }

    private static (string Approved, string Generated) Schemas(string eventType)
    {
        var record = EventSchemas.All().Single(e => e.EventType == eventType).Record;
        var generated = EventSchemas.Generate(eventType, record);
        var path = EventSchemas.SnapshotPath(eventType);
        if (!File.Exists(path) && Updating)
        {
            Directory.CreateDirectory(EventSchemas.SnapshotFolder);
            File.WriteAllText(path, generated);
        }

        Assert.True(File.Exists(path), $"No approved snapshot at {path}; run the tests with APIPLATFORM_UPDATE_SNAPSHOTS=1 to create it.");
        return (File.ReadAllText(path).ReplaceLineEndings("\n"), generated);
    }
}
