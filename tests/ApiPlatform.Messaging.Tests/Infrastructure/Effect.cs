namespace ApiPlatform.Messaging.Tests.Infrastructure;

/// <summary>What a handler did for one event; more than one row per event id would be a duplicate effect.</summary>
public sealed class Effect
{
    public long Id { get; set; }

    public required string EventId { get; set; }

    public required string Subject { get; set; }

    public int Number { get; set; }

    public int Sequence { get; set; }

    public string? TraceId { get; set; }
}
