namespace ApiPlatform.Messaging.Admin;

/// <summary>A service's messaging at a glance: its outbox, its relay, and each consumer group's lag and dead letters.</summary>
public sealed record MessagingStatus(
    long OutboxBacklog, double OutboxOldestAgeSeconds, bool RelayRunning, DateTimeOffset? RelayLastProgressAt, string? RelayLastError,
    IReadOnlyList<ConsumerGroupStatus> Groups);
