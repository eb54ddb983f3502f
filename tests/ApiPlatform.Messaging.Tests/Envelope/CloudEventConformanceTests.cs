using System.Net.Mime;
using System.Text;
using System.Text.Json;
using ApiPlatform.Messaging.Envelope;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using PlatformEvent = ApiPlatform.Messaging.Envelope.CloudEvent;
using SdkEvent = CloudNative.CloudEvents.CloudEvent;

namespace ApiPlatform.Messaging.Tests.Envelope;

/// <summary>
/// The envelope against the CNCF CloudEvents SDK's JSON event format: what the platform writes the SDK reads with every
/// attribute and extension, and what the SDK writes the platform reads, including what the specification leaves
/// optional (no subject, no time, no data) and binary data.
/// </summary>
public sealed class CloudEventConformanceTests
{
    private static readonly CloudEventAttribute[] Extensions =
    [
        CloudEventAttribute.CreateExtension("tenant", CloudEventAttributeType.String),
        CloudEventAttribute.CreateExtension("traceparent", CloudEventAttributeType.String),
        CloudEventAttribute.CreateExtension("tracestate", CloudEventAttributeType.String),
        CloudEventAttribute.CreateExtension("correlationid", CloudEventAttributeType.String),
    ];

    private static readonly JsonEventFormatter Formatter = new();

    [Fact]
    public void The_sdk_reads_every_attribute_and_extension_the_platform_writes()
    {
        var written = new PlatformEvent("e-1", "/crm", "crm.account.changed.v1", new DateTimeOffset(2026, 1, 5, 8, 30, 0, TimeSpan.Zero), "acc-1",
            JsonSerializer.SerializeToElement(new { name = "ACME" }))
        {
            Tenant = "acme",
            TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
            TraceState = "vendor=abc",
            CorrelationId = "order-4711",
        };

        var read = Formatter.DecodeStructuredModeMessage(Encoding.UTF8.GetBytes(CloudEventSerializer.Serialize(written)), null, Extensions);

        Assert.Equal(CloudEventsSpecVersion.V1_0, read.SpecVersion);
        Assert.Equal(("e-1", "/crm", "crm.account.changed.v1", "acc-1", "application/json"), (read.Id, read.Source?.ToString(), read.Type, read.Subject, read.DataContentType));
        Assert.Equal(written.Time, read.Time);
        Assert.Equal(("acme", written.TraceParent, "vendor=abc", "order-4711"), (read["tenant"], read["traceparent"], read["tracestate"], read["correlationid"]));
        Assert.Equal("ACME", Assert.IsType<JsonElement>(read.Data).GetProperty("name").GetString());
    }

    [Fact]
    public void The_platform_reads_an_sdk_event_without_subject_time_or_data()
    {
        var sdk = new SdkEvent { Id = "e-2", Source = new Uri("/billing", UriKind.Relative), Type = "billing.ping.v1" };

        var read = CloudEventSerializer.Deserialize(Encode(sdk));

        Assert.Equal(("e-2", "/billing", "billing.ping.v1"), (read.Id, read.Source, read.Type));
        Assert.Null(read.Subject);
        Assert.Null(read.Time);
        Assert.Null(read.Data);
        Assert.Null(read.BinaryData);
    }

    [Fact]
    public void The_platform_reads_binary_json_data_as_json_and_other_binary_data_as_bytes()
    {
        var json = new SdkEvent(Extensions)
        {
            Id = "e-3", Source = new Uri("/erp", UriKind.Relative), Type = "erp.blob.v1", DataContentType = "application/vnd.erp+json",
            Data = Encoding.UTF8.GetBytes("""{"number":7}"""), ["tracestate"] = "vendor=abc",
        };
        var pdf = new SdkEvent
        {
            Id = "e-4", Source = new Uri("/erp", UriKind.Relative), Type = "erp.document.v1", DataContentType = MediaTypeNames.Application.Pdf,
            Data = new byte[] { 0x25, 0x50, 0x44, 0x46, 0x00, 0xff },
        };
        Assert.Contains("\"data_base64\"", Encode(json), StringComparison.Ordinal);

        var readJson = CloudEventSerializer.Deserialize(Encode(json));
        var readPdf = CloudEventSerializer.Deserialize(Encode(pdf));

        Assert.Equal(7, readJson.Data!.Value.GetProperty("number").GetInt32());
        Assert.Equal("vendor=abc", readJson.TraceState);
        Assert.Null(readPdf.Data);
        Assert.Equal(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x00, 0xff }, readPdf.BinaryData!.Value.ToArray());
        // Written again, the bytes travel as data_base64 and the SDK reads them back unchanged.
        var again = Formatter.DecodeStructuredModeMessage(Encoding.UTF8.GetBytes(CloudEventSerializer.Serialize(readPdf)), null, null);
        Assert.Equal(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x00, 0xff }, Assert.IsType<byte[]>(again.Data));
    }

    [Fact]
    public void Text_data_of_a_non_json_media_type_is_read_as_its_bytes()
    {
        var text = new SdkEvent { Id = "e-5", Source = new Uri("urn:crm"), Type = "crm.note.v1", DataContentType = "text/plain", Data = "Call back on Monday" };

        var read = CloudEventSerializer.Deserialize(Encode(text));

        Assert.Equal("urn:crm", read.Source);
        Assert.Equal("Call back on Monday", Encoding.UTF8.GetString(read.BinaryData!.Value.Span));
    }

    [Theory]
    [InlineData("""{"specversion":"1.0","id":"1","source":"/s","type":"t","data":{},"data_base64":"e30="}""", "not both")]
    [InlineData("""{"specversion":"1.0","id":"1","source":"/s","type":"t","data_base64":"***"}""", "not base64")]
    [InlineData("""{"specversion":"1.0","id":"1","source":"/s","type":"t","datacontenttype":"application/json","data_base64":"bm90IGpzb24="}""", "'data_base64' is not the application/json")]
    public void Data_that_contradicts_the_specification_is_refused_with_the_reason(string json, string reason)
    {
        var error = Assert.Throws<FormatException>(() => CloudEventSerializer.Deserialize(json));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    private static string Encode(SdkEvent sdkEvent) =>
        Encoding.UTF8.GetString(Formatter.EncodeStructuredModeMessage(sdkEvent, out _).Span);
}
