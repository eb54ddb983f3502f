using System.Collections.Frozen;
using ApiPlatform.Gateway.Hardening;
using ApiPlatform.ServiceDefaults.Telemetry;
using Microsoft.Net.Http.Headers;

namespace ApiPlatform.Gateway.Idempotency;

/// <summary>
/// The response headers kept with a stored response: those that describe the result (Content-Type, Location, ETag…),
/// not those of one exchange (date, framing, correlation, rate limits, cookies).
/// </summary>
internal static class StoredHeaders
{
    private static readonly FrozenSet<string> PerExchange = new[]
    {
        HeaderNames.Date, HeaderNames.Server, HeaderNames.TransferEncoding, HeaderNames.Connection, HeaderNames.KeepAlive,
        HeaderNames.ContentLength, HeaderNames.SetCookie, HeaderNames.RetryAfter, Correlation.HeaderName, "traceparent",
        RateLimitHeaders.Policy, RateLimitHeaders.Limit, IdempotencyKey.ReplayedHeader,
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static Dictionary<string, string[]> From(IHeaderDictionary headers) =>
        headers.Where(h => !PerExchange.Contains(h.Key)).ToDictionary(h => h.Key, h => h.Value.Where(v => v is not null).Select(v => v!).ToArray(), StringComparer.OrdinalIgnoreCase);

    public static void CopyTo(Dictionary<string, string[]> stored, IHeaderDictionary headers)
    {
        foreach (var (name, values) in stored)
        {
            headers[name] = values;
        }
    }
}
