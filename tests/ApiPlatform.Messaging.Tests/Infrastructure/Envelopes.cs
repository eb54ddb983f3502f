using System.Text.Json;
using ApiPlatform.Messaging.Envelope;

namespace ApiPlatform.Messaging.Tests.Infrastructure;

/// <summary>CloudEvents as a producer's relay would publish them, for tests that feed a transport directly.</summary>
public static class Envelopes
{
    public static string For(OrderPlaced order, string? id = null, string type = "proof.order.placed.v1") =>
        CloudEventSerializer.Serialize(new CloudEvent(id ?? Guid.NewGuid().ToString(), "/proof", type, DateTimeOffset.UtcNow,
            order.OrderId, JsonSerializer.SerializeToElement(order, JsonSerializerOptions.Web)));

    public static List<string> Orders(int from, int count, Func<int, string>? subject = null) =>
        Enumerable.Range(from, count).Select(n => For(new OrderPlaced(subject?.Invoke(n) ?? $"order-{n}", n, n))).ToList();
}
