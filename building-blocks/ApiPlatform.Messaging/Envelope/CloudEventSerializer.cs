using System.Text;
using System.Text.Json;

namespace ApiPlatform.Messaging.Envelope;

/// <summary>CloudEvents 1.0 structured JSON mode: every attribute at the top level, the payload under <c>data</c>.</summary>
public static class CloudEventSerializer
{
    public static string Serialize(CloudEvent cloudEvent)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("specversion", CloudEvent.SpecVersion);
            writer.WriteString("id", cloudEvent.Id);
            writer.WriteString("source", cloudEvent.Source);
            writer.WriteString("type", cloudEvent.Type);
            writer.WriteString("time", cloudEvent.Time.ToUniversalTime());
            writer.WriteString("subject", cloudEvent.Subject);
            writer.WriteString("datacontenttype", cloudEvent.DataContentType);
            if (cloudEvent.Tenant is { } tenant)
            {
                writer.WriteString("tenant", tenant);
            }
            if (cloudEvent.TraceParent is { } traceParent)
            {
                writer.WriteString("traceparent", traceParent);
            }
            if (cloudEvent.CorrelationId is { } correlationId)
            {
                writer.WriteString("correlationid", correlationId);
            }
            writer.WritePropertyName("data");
            cloudEvent.Data.WriteTo(writer);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Reads a structured CloudEvent; throws <see cref="FormatException"/> naming what is missing or wrong.</summary>
    public static CloudEvent Deserialize(string json)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new FormatException("The message is not JSON: " + ex.Message, ex);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("A CloudEvent must be a JSON object.");
        }
        if (Optional(root, "specversion") != CloudEvent.SpecVersion)
        {
            throw new FormatException($"Only CloudEvents specversion {CloudEvent.SpecVersion} is supported.");
        }
        var time = DateTimeOffset.TryParse(Required(root, "time"), null, System.Globalization.DateTimeStyles.RoundtripKind, out var parsed)
            ? parsed
            : throw new FormatException("The CloudEvent attribute 'time' is not an RFC 3339 timestamp.");
        var data = root.TryGetProperty("data", out var value) ? value : throw new FormatException("The CloudEvent has no 'data'.");
        return new CloudEvent(Required(root, "id"), Required(root, "source"), Required(root, "type"), time, Required(root, "subject"), data)
        {
            DataContentType = Optional(root, "datacontenttype") ?? CloudEvent.JsonContentType,
            Tenant = Optional(root, "tenant"),
            TraceParent = Optional(root, "traceparent"),
            CorrelationId = Optional(root, "correlationid"),
        };
    }

    private static string Required(JsonElement root, string name) =>
        Optional(root, name) is { Length: > 0 } value ? value : throw new FormatException($"The CloudEvent attribute '{name}' is missing.");

    private static string? Optional(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
