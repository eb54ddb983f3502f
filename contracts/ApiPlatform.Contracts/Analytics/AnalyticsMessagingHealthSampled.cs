using ApiPlatform.Contracts.Events;

namespace ApiPlatform.Contracts.Analytics;

/// <summary>A replica of analytics sampled its messaging (see <see cref="MessagingHealthSampled"/>).</summary>
public sealed record AnalyticsMessagingHealthSampled(
    string Service, string Replica, DateTimeOffset From, DateTimeOffset To, long OutboxBacklog, double OutboxOldestAgeSeconds, long OpenDeadLetters)
    : MessagingHealthSampled(Service, Replica, From, To, OutboxBacklog, OutboxOldestAgeSeconds, OpenDeadLetters), IIntegrationEvent
{
    public static string EventType => "analytics.messaging.health-sampled.v1";
}
