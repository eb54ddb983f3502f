namespace ApiPlatform.Contracts.Events;

/// <summary>
/// One replica of a system API over one sampling window: each connector's calls, failures by the status answered and
/// its cause, and latency as counts per bucket (<see cref="ConnectorCallSample.LatencyBoundsMs"/>); with the service's
/// outbox backlog and open dead letters as read at the window's end. Each system API publishes it under its own wire
/// name (<c>{system}.connector.health-sampled.v1</c>).
/// </summary>
public abstract record ConnectorHealthSampled(
    string System,
    string Replica,
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<ConnectorCallSample> Connectors,
    long OutboxBacklog,
    double OutboxOldestAgeSeconds,
    long OpenDeadLetters)
{
    public string Subject => System;
}
