namespace ApiPlatform.Workflows.Runtime;

internal static class Backoff
{
    /// <summary>Attempt n waits between half and all of base·2ⁿ⁻¹ (capped), or the server's Retry-After if longer.</summary>
    public static TimeSpan Delay(int attempt, TimeSpan baseDelay, TimeSpan maxDelay, TimeSpan? retryAfter)
    {
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        var capped = Math.Min(exponential, maxDelay.TotalMilliseconds);
        var jittered = TimeSpan.FromMilliseconds(capped / 2 + Random.Shared.NextDouble() * capped / 2);
        return retryAfter is { } after && after > jittered ? (after < maxDelay ? after : maxDelay) : jittered;
    }
}
