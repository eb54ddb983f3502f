using System.Text.Json;

namespace ApiPlatform.Messaging.Envelope;

/// <summary>A CloudEvents 1.0 envelope with the platform's <c>tenant</c>, <c>traceparent</c> and <c>correlationid</c> extensions.</summary>
public sealed record CloudEvent(string Id, string Source, string Type, DateTimeOffset Time, string Subject, JsonElement Data)
{
    public const string SpecVersion = "1.0";
    public const string JsonContentType = "application/json";
    public const string StructuredMediaType = "application/cloudevents+json";

    public string DataContentType { get; init; } = JsonContentType;

    public string? Tenant { get; init; }

    /// <summary>The W3C trace context of the activity that wrote the event.</summary>
    public string? TraceParent { get; init; }

    /// <summary>The correlation id of the business transaction that wrote the event (extension <c>correlationid</c>).</summary>
    public string? CorrelationId { get; init; }

    /// <summary>The topic (stream) of an event type: the first segment of its wire name, e.g. <c>crm</c>.</summary>
    public static string TopicOf(string type)
    {
        var dot = type.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? type[..dot] : type;
    }
}
