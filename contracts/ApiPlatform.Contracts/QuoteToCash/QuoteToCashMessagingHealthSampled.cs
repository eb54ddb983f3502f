using ApiPlatform.Contracts.Events;

namespace ApiPlatform.Contracts.QuoteToCash;

/// <summary>A replica of quote-to-cash sampled its messaging (see <see cref="MessagingHealthSampled"/>).</summary>
public sealed record QuoteToCashMessagingHealthSampled(
    string Service, string Replica, DateTimeOffset From, DateTimeOffset To, long OutboxBacklog, double OutboxOldestAgeSeconds, long OpenDeadLetters)
    : MessagingHealthSampled(Service, Replica, From, To, OutboxBacklog, OutboxOldestAgeSeconds, OpenDeadLetters), IIntegrationEvent
{
    public static string EventType => "quote-to-cash.messaging.health-sampled.v1";
}
