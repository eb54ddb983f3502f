using ApiPlatform.Contracts.Events;

namespace ApiPlatform.Contracts.Reconciliation;

/// <summary>A replica of reconciliation sampled its messaging (see <see cref="MessagingHealthSampled"/>).</summary>
public sealed record ReconciliationMessagingHealthSampled(
    string Service, string Replica, DateTimeOffset From, DateTimeOffset To, long OutboxBacklog, double OutboxOldestAgeSeconds, long OpenDeadLetters)
    : MessagingHealthSampled(Service, Replica, From, To, OutboxBacklog, OutboxOldestAgeSeconds, OpenDeadLetters), IIntegrationEvent
{
    public static string EventType => "reconciliation.messaging.health-sampled.v1";
}
