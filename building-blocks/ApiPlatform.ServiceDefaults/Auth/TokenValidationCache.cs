using System.Collections.Concurrent;
using System.Security.Claims;

namespace ApiPlatform.ServiceDefaults.Auth;

/// <summary>
/// The callers already authenticated, by access token: a client sends the same token on every call until it expires,
/// and validating it again (signature, issuer, audience, lifetime) is most of what authentication costs per request.
/// An entry lives until the token's expiry and at most <see cref="MaxAge"/>, so a signing key withdrawn from the JWKS
/// stops being honoured within that time. A hit costs one hash of the token, looked up from the header's characters
/// without copying them; the principal is shared by every request with that token, so nothing may change it (the
/// platform registers no claims transformation).
/// </summary>
public sealed class TokenValidationCache(TimeProvider time) : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> ByChars => entries.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The caller of a request whose <c>Authorization</c> header carries a bearer token validated before, read as
    /// JwtBearer reads it (scheme case-insensitive, token trimmed); null for any other header or an unknown token.
    /// </summary>
    public ClaimsPrincipal? FindBearer(string? authorization) =>
        BearerToken(authorization) is { IsEmpty: false } token ? Find(token) : null;

    /// <summary>The token of a <c>Bearer</c> authorization header, as JwtBearer extracts it; empty for anything else.</summary>
    public static ReadOnlySpan<char> BearerToken(string? authorization) =>
        authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? authorization.AsSpan(7).Trim()
            : default;

    public ClaimsPrincipal? Find(ReadOnlySpan<char> token)
    {
        if (!ByChars.TryGetValue(token, out var entry))
        {
            return null;
        }

        if (entry.ValidUntil > time.GetUtcNow())
        {
            return entry.Principal;
        }

        ByChars.TryRemove(token, out _);
        return null;
    }

    public void Add(string token, ClaimsPrincipal principal)
    {
        if (!long.TryParse(principal.FindFirst("exp")?.Value, out var exp))
        {
            return;
        }

        var now = time.GetUtcNow();
        var expires = DateTimeOffset.FromUnixTimeSeconds(exp);
        var latest = now + MaxAge;
        if (entries.Count >= Capacity)
        {
            Evict(now);
        }
        entries[token] = new Entry(new CallerPrincipal(principal), expires < latest ? expires : latest);
    }

    /// <summary>Drops what has expired; if the cache is still full, starts over (every caller validates once more).</summary>
    private void Evict(DateTimeOffset now)
    {
        foreach (var (token, entry) in entries)
        {
            if (entry.ValidUntil <= now)
            {
                entries.TryRemove(token, out _);
            }
        }
        if (entries.Count >= Capacity)
        {
            entries.Clear();
        }
    }

    public void Dispose() => entries.Clear();

    private sealed record Entry(ClaimsPrincipal Principal, DateTimeOffset ValidUntil);
}
