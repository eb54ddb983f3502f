using ApiPlatform.Contracts.Events;

namespace ApiPlatform.Contracts.ProcureToPay;

/// <summary>A replica of procure-to-pay sampled its messaging (see <see cref="MessagingHealthSampled"/>).</summary>
public sealed record ProcureToPayMessagingHealthSampled(
    string Service, string Replica, DateTimeOffset From, DateTimeOffset To, long OutboxBacklog, double OutboxOldestAgeSeconds, long OpenDeadLetters)
    : MessagingHealthSampled(Service, Replica, From, To, OutboxBacklog, OutboxOldestAgeSeconds, OpenDeadLetters), IIntegrationEvent
{
    public static string EventType => "procure-to-pay.messaging.health-sampled.v1";
}
