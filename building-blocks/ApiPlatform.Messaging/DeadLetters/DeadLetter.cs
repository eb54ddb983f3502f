namespace ApiPlatform.Messaging.DeadLetters;

/// <summary>An event a consumer group gave up on after its attempts; one row per event and group.</summary>
public sealed class DeadLetter
{
    public long Id { get; set; }

    public required string EventId { get; set; }

    public required string Group { get; set; }

    public required string Type { get; set; }

    public required string Subject { get; set; }

    public string? Tenant { get; set; }

    public required string Envelope { get; set; }

    public required string Error { get; set; }

    public int Attempts { get; set; }

    public long FirstFailureAt { get; set; }

    public long LastFailureAt { get; set; }

    public long DeadLetteredAt { get; set; }

    public DeadLetterStatus Status { get; set; }

    public int ReplayCount { get; set; }

    public long? ReplayRequestedAt { get; set; }

    /// <summary>A replay being processed is leased, so a crashed worker's replay is picked up again.</summary>
    public long? ReplayLockedUntil { get; set; }

    public long? ReplayedAt { get; set; }

    public long? DiscardedAt { get; set; }

    public string? DiscardReason { get; set; }
}
