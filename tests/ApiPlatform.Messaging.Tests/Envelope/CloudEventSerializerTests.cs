using System.Text.Json;
using ApiPlatform.Messaging.Envelope;

namespace ApiPlatform.Messaging.Tests.Envelope;

public sealed class CloudEventSerializerTests
{
    private static readonly CloudEvent Sample = new("e-1", "/crm", "crm.account.changed.v1",
        new DateTimeOffset(2026, 1, 5, 9, 30, 0, TimeSpan.FromHours(1)), "acc-1", JsonSerializer.SerializeToElement(new { name = "ACME" }))
    {
        Tenant = "acme",
        TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
    };

    [Fact]
    public void Structured_mode_puts_every_attribute_at_the_top_level_and_reads_back_the_same_event()
    {
        var json = CloudEventSerializer.Serialize(Sample);
        var root = JsonDocument.Parse(json).RootElement;

        Assert.Equal(
            ["specversion", "id", "source", "type", "time", "subject", "datacontenttype", "tenant", "traceparent", "data"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2026-01-05T08:30:00+00:00", root.GetProperty("time").GetString());
        var read = CloudEventSerializer.Deserialize(json);
        Assert.Equal((Sample.Id, Sample.Source, Sample.Type, Sample.Time, Sample.Subject), (read.Id, read.Source, read.Type, read.Time, read.Subject));
        Assert.Equal((Sample.Tenant, Sample.TraceParent, "application/json"), (read.Tenant, read.TraceParent, read.DataContentType));
        Assert.Equal("ACME", read.Data!.Value.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("not json", "not JSON")]
    [InlineData("[1]", "JSON object")]
    [InlineData("""{"specversion":"0.3","id":"1"}""", "specversion")]
    [InlineData("""{"specversion":"1.0","source":"/s","type":"t","time":"2026-01-01T00:00:00Z","subject":"s","data":{}}""", "'id'")]
    [InlineData("""{"specversion":"1.0","id":"1","type":"t","data":{}}""", "'source'")]
    [InlineData("""{"specversion":"1.0","id":"1","source":"/s","type":"","data":{}}""", "'type'")]
    [InlineData("""{"specversion":"1.0","id":"1","source":"/s","type":"t","time":"yesterday","subject":"s","data":{}}""", "'time'")]
    public void A_message_that_is_not_a_valid_cloud_event_is_refused_with_the_reason(string json, string reason)
    {
        var error = Assert.Throws<FormatException>(() => CloudEventSerializer.Deserialize(json));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("crm.account.changed.v1", "crm")]
    [InlineData("erp.sales-order.shipped.v2", "erp")]
    public void The_topic_of_an_event_type_is_its_first_segment(string type, string topic) => Assert.Equal(topic, CloudEvent.TopicOf(type));
}
