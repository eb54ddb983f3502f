namespace ApiPlatform.Gateway.Hardening;

/// <summary>Header names the gateway writes that ASP.NET Core has no constant for.</summary>
internal static class RateLimitHeaders
{
    public const string Policy = "RateLimit-Policy";
    public const string Limit = "RateLimit";
    public const string ReferrerPolicy = "Referrer-Policy";
}
