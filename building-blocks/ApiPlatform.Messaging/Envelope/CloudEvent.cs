using System.Text.Json;

namespace ApiPlatform.Messaging.Envelope;

/// <summary>
/// A CloudEvents 1.0 envelope with the platform's <c>tenant</c>, <c>correlationid</c> and distributed tracing
/// (<c>traceparent</c>, <c>tracestate</c>) extensions. <c>time</c>, <c>subject</c> and the data are optional, as the
/// specification makes them; every event the platform writes has all three.
/// </summary>
public sealed record CloudEvent(string Id, string Source, string Type, DateTimeOffset? Time, string? Subject, JsonElement? Data)
{
    public const string SpecVersion = "1.0";
    public const string JsonContentType = "application/json";
    public const string StructuredMediaType = "application/cloudevents+json";

    /// <summary>The media type of the data; JSON when the event does not say (the specification's default in JSON format).</summary>
    public string DataContentType { get; init; } = JsonContentType;

    /// <summary>
    /// Data that is not JSON (<c>data_base64</c>, or a <c>data</c> string of a non-JSON media type) as bytes; binary
    /// JSON data is decoded into <see cref="Data"/> instead.
    /// </summary>
    public ReadOnlyMemory<byte>? BinaryData { get; init; }

    public string? Tenant { get; init; }

    /// <summary>The W3C trace context of the activity that wrote the event.</summary>
    public string? TraceParent { get; init; }

    /// <summary>The W3C vendor trace state that goes with <see cref="TraceParent"/>.</summary>
    public string? TraceState { get; init; }

    /// <summary>The correlation id of the business transaction that wrote the event (extension <c>correlationid</c>).</summary>
    public string? CorrelationId { get; init; }

    /// <summary>Whether a media type is JSON: <c>application/json</c>, <c>text/json</c> or a <c>+json</c> suffix, any parameters aside.</summary>
    public static bool IsJson(string mediaType)
    {
        var type = mediaType.AsSpan();
        var parameters = type.IndexOf(';');
        type = (parameters >= 0 ? type[..parameters] : type).Trim();
        return type.Equals(JsonContentType, StringComparison.OrdinalIgnoreCase)
            || type.Equals("text/json", StringComparison.OrdinalIgnoreCase)
            || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The topic (stream) of an event type: the first segment of its wire name, e.g. <c>crm</c>.</summary>
    public static string TopicOf(string type)
    {
        var dot = type.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? type[..dot] : type;
    }
}
