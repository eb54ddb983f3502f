using ApiPlatform.Messaging.DeadLetters;

namespace ApiPlatform.Messaging.Admin;

/// <summary>Selects dead letters by event type, consumer group, status and age (time since they were dead-lettered).</summary>
public sealed record DeadLetterFilter(
    string? Type = null, string? Group = null, DeadLetterStatus? Status = null, TimeSpan? MinAge = null, TimeSpan? MaxAge = null,
    IReadOnlyList<long>? Ids = null);
