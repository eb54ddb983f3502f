using ApiPlatform.Contracts.Events;

namespace ApiPlatform.Contracts.Finance;

/// <summary>A replica of finance sampled its connectors' calls and its messaging (see <see cref="ConnectorHealthSampled"/>).</summary>
public sealed record FinanceConnectorHealthSampled(
    string System, string Replica, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<ConnectorCallSample> Connectors,
    long OutboxBacklog, double OutboxOldestAgeSeconds, long OpenDeadLetters)
    : ConnectorHealthSampled(System, Replica, From, To, Connectors, OutboxBacklog, OutboxOldestAgeSeconds, OpenDeadLetters), IIntegrationEvent
{
    public static string EventType => "finance.connector.health-sampled.v1";
}
