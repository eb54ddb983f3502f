namespace ApiPlatform.Messaging.Outbox;

/// <summary>
/// An event written in the same transaction as the business change that caused it. Times are Unix milliseconds so
/// that SQLite and PostgreSQL compare and order them the same way.
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>Assigned by the database; orders the events of one subject.</summary>
    public long Sequence { get; set; }

    public required string EventId { get; set; }

    public required string Type { get; set; }

    public required string Topic { get; set; }

    public required string Subject { get; set; }

    /// <summary>The whole CloudEvent, as published.</summary>
    public required string Envelope { get; set; }

    public long CreatedAt { get; set; }

    public OutboxStatus Status { get; set; }

    public long? PublishedAt { get; set; }

    /// <summary>The relay batch that holds the row; a claim is valid until <see cref="LockedUntil"/>.</summary>
    public string? LockedBy { get; set; }

    public long? LockedUntil { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }
}
