using System.Text.Json.Nodes;
using ApiPlatform.Contracts.QuoteToCash;

namespace ApiPlatform.Contracts.Tests;

/// <summary>The event gate on a real payload schema (quote-to-cash's shared order request shape), changed by hand.</summary>
public sealed class EventBreakingChangesTests
{
    private const string Type = "quote-to-cash.order.completed.v1";

    private static JsonNode Published() => JsonNode.Parse(EventSchemas.Generate(Type, typeof(OrderRequestCompleted)))!;

    [Fact]
    public void The_same_schema_has_no_breaking_change()
    {
        Assert.Empty(EventBreakingChanges.Find(Type, Published(), Published()));
    }

    [Fact]
    public void A_new_property_is_not_breaking()
    {
        var candidate = Published();
        candidate["properties"]!.AsObject()["channel"] = new JsonObject { ["type"] = "string" };

        Assert.Empty(EventBreakingChanges.Find(Type, Published(), candidate));
    }

    [Fact]
    public void A_removed_property_breaks_consumers()
    {
        var candidate = Published();
        candidate["properties"]!.AsObject().Remove("quoteId");

        Assert.Contains(EventBreakingChanges.Find(Type, Published(), candidate), c => c.Contains("property quoteId was removed", StringComparison.Ordinal));
    }

    [Fact]
    public void A_field_that_may_now_be_null_breaks_consumers()
    {
        var candidate = Published();
        candidate["properties"]!["quoteId"]!["type"] = new JsonArray("string", "null");

        Assert.Contains(EventBreakingChanges.Find(Type, Published(), candidate), c => c.Contains(".quoteId: type changed", StringComparison.Ordinal));
    }

    [Fact]
    public void A_removed_enum_value_in_a_nested_schema_breaks_consumers()
    {
        var published = Published();
        var status = published["properties"]!["status"]!;
        Assert.Contains("\"Paid\"", status["enum"]!.ToJsonString(), StringComparison.Ordinal);
        var candidate = Published();
        var values = candidate["properties"]!["status"]!["enum"]!.AsArray();
        values.Remove(values.Single(v => v!.GetValue<string>() == "Paid"));

        Assert.Contains(EventBreakingChanges.Find(Type, published, candidate), c => c.Contains("enum value \"Paid\" was removed", StringComparison.Ordinal));
    }

    [Fact]
    public void A_changed_type_behind_a_reference_breaks_consumers()
    {
        var published = JsonNode.Parse("""
            { "type": "object", "properties": { "lines": { "type": "array", "items": { "type": "object", "properties": { "qty": { "type": "integer" } } } },
              "more": { "type": "array", "items": { "$ref": "#/properties/lines/items" } } } }
            """)!;
        var candidate = published.DeepClone();
        candidate["properties"]!["lines"]!["items"]!["properties"]!["qty"]!["type"] = "string";

        var changes = EventBreakingChanges.Find("x.y.v1", published, candidate);

        Assert.Contains(changes, c => c.StartsWith("x.y.v1.more[].qty: type changed", StringComparison.Ordinal));
    }
}
