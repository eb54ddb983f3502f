namespace ApiPlatform.Gateway.RateLimiting;

/// <summary>Whether a request is admitted, the tokens its client has left and, when refused, when to retry.</summary>
internal readonly record struct RateLimitDecision(bool Admitted, long Remaining, long RetryAfterSeconds);
