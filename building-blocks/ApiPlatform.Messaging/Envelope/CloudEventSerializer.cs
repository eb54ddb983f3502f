using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ApiPlatform.Messaging.Envelope;

/// <summary>
/// CloudEvents 1.0 in the JSON event format (structured mode): every attribute at the top level, JSON data under
/// <c>data</c>, other data under <c>data_base64</c>. Reads what the specification allows: events without <c>time</c>,
/// <c>subject</c> or data, binary data, and extension attributes (those it does not know are ignored here; the
/// message body is kept whole wherever a message is stored).
/// </summary>
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
            if (cloudEvent.Time is { } time)
            {
                writer.WriteString("time", time.ToUniversalTime());
            }
            if (cloudEvent.Subject is { } subject)
            {
                writer.WriteString("subject", subject);
            }
            writer.WriteString("datacontenttype", cloudEvent.DataContentType);
            WriteExtension(writer, "tenant", cloudEvent.Tenant);
            WriteExtension(writer, "traceparent", cloudEvent.TraceParent);
            WriteExtension(writer, "tracestate", cloudEvent.TraceState);
            WriteExtension(writer, "correlationid", cloudEvent.CorrelationId);
            if (cloudEvent.Data is { } data)
            {
                writer.WritePropertyName("data");
                data.WriteTo(writer);
            }
            else if (cloudEvent.BinaryData is { } binary)
            {
                writer.WriteBase64String("data_base64", binary.Span);
            }
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
        DateTimeOffset? time = Optional(root, "time") switch
        {
            null => null,
            var text when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed) => parsed,
            _ => throw new FormatException("The CloudEvent attribute 'time' is not an RFC 3339 timestamp."),
        };
        var contentType = Optional(root, "datacontenttype") ?? CloudEvent.JsonContentType;
        var (data, binary) = ReadData(root, contentType);
        return new CloudEvent(Required(root, "id"), Required(root, "source"), Required(root, "type"), time, Optional(root, "subject"), data)
        {
            DataContentType = contentType,
            BinaryData = binary,
            Tenant = Optional(root, "tenant"),
            TraceParent = Optional(root, "traceparent"),
            TraceState = Optional(root, "tracestate"),
            CorrelationId = Optional(root, "correlationid"),
        };
    }

    private static (JsonElement? Data, ReadOnlyMemory<byte>? Binary) ReadData(JsonElement root, string contentType)
    {
        var hasData = root.TryGetProperty("data", out var data);
        if (root.TryGetProperty("data_base64", out var encoded))
        {
            if (hasData)
            {
                throw new FormatException("A CloudEvent has either 'data' or 'data_base64', not both.");
            }
            byte[] bytes;
            try
            {
                bytes = encoded.GetBytesFromBase64();
            }
            catch (Exception ex) when (ex is FormatException or InvalidOperationException)
            {
                throw new FormatException("The CloudEvent attribute 'data_base64' is not base64.", ex);
            }
            if (!CloudEvent.IsJson(contentType))
            {
                return (null, bytes);
            }
            try
            {
                using var document = JsonDocument.Parse(bytes);
                return (document.RootElement.Clone(), null);
            }
            catch (JsonException ex)
            {
                throw new FormatException($"The CloudEvent's 'data_base64' is not the {contentType} its 'datacontenttype' says: {ex.Message}", ex);
            }
        }
        if (!hasData)
        {
            return (null, null);
        }
        // In the JSON format, data of a non-JSON media type is a string holding its text.
        return CloudEvent.IsJson(contentType) || data.ValueKind != JsonValueKind.String
            ? (data, null)
            : (null, Encoding.UTF8.GetBytes(data.GetString()!));
    }

    private static void WriteExtension(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static string Required(JsonElement root, string name) =>
        Optional(root, name) is { Length: > 0 } value ? value : throw new FormatException($"The CloudEvent attribute '{name}' is missing.");

    private static string? Optional(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
