using ApiPlatform.Contracts.Events;

namespace ApiPlatform.Contracts.Crm;

/// <summary>A replica of crm sampled its connectors' calls and its messaging (see <see cref="ConnectorHealthSampled"/>).</summary>
public sealed record CrmConnectorHealthSampled(
    string System, string Replica, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<ConnectorCallSample> Connectors,
    long OutboxBacklog, double OutboxOldestAgeSeconds, long OpenDeadLetters)
    : ConnectorHealthSampled(System, Replica, From, To, Connectors, OutboxBacklog, OutboxOldestAgeSeconds, OpenDeadLetters), IIntegrationEvent
{
    public static string EventType => "crm.connector.health-sampled.v1";
}
