namespace ApiPlatform.Gateway.RateLimiting;

/// <summary>Tokens granted from the shared bucket and the tokens the bucket still holds after the grant.</summary>
internal readonly record struct RateLimitLease(int Granted, double Remaining);
