namespace ApiPlatform.ServiceDefaults.Apis;

/// <summary>Offset paging from the query string; the limit is clamped to 1..200 (default 50).</summary>
public sealed record PageRequest(int? Offset, int? Limit)
{
    public const int MaxLimit = 200;

    public int Skip => Math.Max(Offset ?? 0, 0);

    public int Take => Math.Clamp(Limit ?? 50, 1, MaxLimit);
}
