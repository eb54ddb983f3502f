namespace ApiPlatform.Gateway.RateLimiting;

/// <summary>
/// One plan: <see cref="Requests"/> per <see cref="WindowSeconds"/> on average, at most <see cref="Burst"/> at once
/// (a token bucket of that size; 0 lets a whole window's requests come at once).
/// </summary>
public sealed class PlanOptions
{
    public int Requests { get; set; }

    public int WindowSeconds { get; set; } = 60;

    public int Burst { get; set; }
}
