using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;

namespace ApiPlatform.ServiceDefaults.Auth;

/// <summary>
/// The callers already authenticated, by access token: a client sends the same token on every call until it expires,
/// and validating it again (signature, issuer, audience, lifetime) is most of what authentication costs per request.
/// An entry lives until the token's expiry and at most <see cref="MaxAge"/>, so a signing key withdrawn from the JWKS
/// stops being honoured within that time. Each hit gets its own copy of the principal.
/// </summary>
public sealed class TokenValidationCache(TimeProvider time) : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);
    private const int Capacity = 10_000;

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = Capacity });

    public ClaimsPrincipal? Find(string token)
    {
        if (!cache.TryGetValue(token, out Entry? entry) || entry is null)
        {
            return null;
        }

        if (entry.ValidUntil > time.GetUtcNow())
        {
            return entry.Principal.Clone();
        }

        cache.Remove(token);
        return null;
    }

    public void Add(string token, ClaimsPrincipal principal)
    {
        if (!long.TryParse(principal.FindFirst("exp")?.Value, out var exp))
        {
            return;
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(exp);
        var latest = time.GetUtcNow() + MaxAge;
        var entry = new Entry(principal.Clone(), expires < latest ? expires : latest);
        // Expiry is checked against the TimeProvider on each hit; the size limit bounds what expired entries can hold.
        cache.Set(token, entry, new MemoryCacheEntryOptions { Size = 1 });
    }

    public void Dispose() => cache.Dispose();

    private sealed record Entry(ClaimsPrincipal Principal, DateTimeOffset ValidUntil);
}
