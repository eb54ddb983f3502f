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

    public static Dictionary<string, string[]> From(IHeaderDictionary headers)
    {
        var kept = new Dictionary<string, string[]>(headers.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in headers)
        {
            if (!PerExchange.Contains(name))
            {
                kept[name] = values.Count == 1 && values[0] is { } single ? [single] : [.. values.Where(v => v is not null).Select(v => v!)];
            }
        }
        return kept;
    }

    public static void CopyTo(Dictionary<string, string[]> stored, IHeaderDictionary headers)
    {
        foreach (var (name, values) in stored)
        {
            headers[name] = values;
        }
    }
}
