namespace ApiPlatform.Messaging.Admin;

/// <summary>Replays open dead letters: those listed in <paramref name="Ids"/>, or all that match the other criteria.</summary>
public sealed record ReplayDeadLettersRequest(
    IReadOnlyList<long>? Ids = null, string? Type = null, string? Group = null, TimeSpan? MinAge = null, TimeSpan? MaxAge = null);
