using ApiPlatform.Messaging.DeadLetters;

namespace ApiPlatform.Messaging.Admin;

/// <summary>The query string of the dead-letter list: filters and offset paging (limit 1..200, default 50).</summary>
public sealed record DeadLetterQuery(
    string? Type, string? Group, DeadLetterStatus? Status, TimeSpan? MinAge, TimeSpan? MaxAge, int? Offset, int? Limit)
{
    public DeadLetterFilter ToFilter() => new(Type, Group, Status, MinAge, MaxAge);

    public int Skip => Math.Max(Offset ?? 0, 0);

    public int Take => Math.Clamp(Limit ?? 50, 1, 200);
}
