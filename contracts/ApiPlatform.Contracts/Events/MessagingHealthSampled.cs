namespace ApiPlatform.Contracts.Events;

/// <summary>
/// One replica of a service without connectors (a process or experience API) over one sampling window: its outbox backlog,
/// the age of its oldest unpublished event and its open dead letters, as read at the window's end. Each service publishes
/// it under its own wire name (<c>{service}.messaging.health-sampled.v1</c>); the system APIs carry the same figures in
/// their <see cref="ConnectorHealthSampled"/>.
/// </summary>
public abstract record MessagingHealthSampled(
    string Service, string Replica, DateTimeOffset From, DateTimeOffset To, long OutboxBacklog, double OutboxOldestAgeSeconds, long OpenDeadLetters)
{
    public string Subject => Service;
}
