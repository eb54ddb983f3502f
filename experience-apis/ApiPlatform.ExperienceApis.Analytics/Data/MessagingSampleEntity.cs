namespace ApiPlatform.ExperienceApis.Analytics.Data;

/// <summary>A system's outbox backlog and open dead letters as one replica read them at the end of its sample.</summary>
public sealed class MessagingSampleEntity
{
    /// <summary>The event id.</summary>
    public required string Id { get; init; }
    public required string System { get; init; }
    public long At { get; init; }
    public long OutboxBacklog { get; init; }
    public double OutboxOldestAgeSeconds { get; init; }
    public long OpenDeadLetters { get; init; }
}
