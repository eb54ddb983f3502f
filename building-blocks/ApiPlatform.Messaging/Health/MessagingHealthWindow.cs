namespace ApiPlatform.Messaging.Health;

/// <summary>One replica's sampling window and its messaging as read at the window's end.</summary>
public sealed record MessagingHealthWindow(
    string Replica, DateTimeOffset From, DateTimeOffset To, long OutboxBacklog, double OutboxOldestAgeSeconds, long OpenDeadLetters);

/// <summary>The event a window is published as, and whether anything besides messaging happened in it (a connector call).</summary>
public readonly record struct HealthSample<TEvent>(TEvent Event, bool Active);
