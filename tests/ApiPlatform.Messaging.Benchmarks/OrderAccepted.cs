namespace ApiPlatform.Messaging.Benchmarks;

public sealed record OrderAccepted(int Number) : IIntegrationEvent
{
    public static string EventType => "bench.order.accepted.v1";

    public string Subject => $"order-{Number % 100}";
}
