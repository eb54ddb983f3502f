namespace ApiPlatform.Messaging.Consumers;

/// <summary>The envelope of the event being handled; <c>Subject</c> and <c>Time</c> are optional in CloudEvents.</summary>
public sealed record EventContext(
    string EventId, string Type, string Source, string? Subject, string? Tenant, DateTimeOffset? Time, string Group, int Attempt)
{
    /// <summary>The correlation id of the business transaction that wrote the event, when it had one.</summary>
    public string? CorrelationId { get; init; }
}
