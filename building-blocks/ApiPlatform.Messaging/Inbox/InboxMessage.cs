namespace ApiPlatform.Messaging.Inbox;

/// <summary>An event a consumer group has applied; written in the transaction of the handler's effect.</summary>
public sealed class InboxMessage
{
    public required string EventId { get; set; }

    public required string Group { get; set; }

    public required string Type { get; set; }

    public long ProcessedAt { get; set; }
}
