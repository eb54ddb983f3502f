namespace ApiPlatform.Gateway.RateLimiting;

internal static class RateLimitErrors
{
    /// <summary>
    /// Any failure of the shared store (down, slow, not connected, or a fault of its own) means local limits: a limiter
    /// fault must never answer 5xx nor admit without limit.
    /// </summary>
    public static bool IsStoreFailure(Exception error) => error is not OutOfMemoryException;
}
