using System.Security.Claims;
using ApiPlatform.ServiceDefaults.Auth;
using Microsoft.Extensions.Time.Testing;

namespace ApiPlatform.ServiceDefaults.Tests;

public sealed class TokenValidationCacheTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_validated_token_is_found_by_its_characters()
    {
        using var cache = new TokenValidationCache(time);
        var principal = Principal(expiresIn: TimeSpan.FromMinutes(10));
        cache.Add("token-a", principal);

        var header = "Bearer token-a";
        var found = cache.Find(header.AsSpan(7));

        Assert.Equal("partner-acme", found?.FindFirst("sub")?.Value);
        Assert.Null(cache.Find("token-b"));
        Assert.Null(cache.Find("token-"));
    }

    [Fact]
    public void An_entry_is_not_used_after_the_token_expires()
    {
        using var cache = new TokenValidationCache(time);
        cache.Add("token", Principal(expiresIn: TimeSpan.FromMinutes(2)));

        time.Advance(TimeSpan.FromMinutes(2));

        Assert.Null(cache.Find("token"));
    }

    [Fact]
    public void An_entry_is_not_used_beyond_its_maximum_age_even_for_a_long_lived_token()
    {
        using var cache = new TokenValidationCache(time);
        cache.Add("token", Principal(expiresIn: TimeSpan.FromHours(2)));

        time.Advance(TokenValidationCache.MaxAge - TimeSpan.FromSeconds(1));
        Assert.NotNull(cache.Find("token"));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(cache.Find("token"));
    }

    [Fact]
    public void A_principal_without_an_expiry_is_never_cached()
    {
        using var cache = new TokenValidationCache(time);
        cache.Add("token", new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "x")], "Bearer")));

        Assert.Null(cache.Find("token"));
    }

    [Fact]
    public void A_full_cache_drops_expired_entries_first_and_never_grows_beyond_its_capacity()
    {
        using var cache = new TokenValidationCache(time);
        cache.Add("short-lived", Principal(expiresIn: TimeSpan.FromMinutes(1)));
        for (var i = 1; i < TokenValidationCache.Capacity; i++)
        {
            cache.Add($"token-{i}", Principal(expiresIn: TimeSpan.FromMinutes(10)));
        }
        time.Advance(TimeSpan.FromMinutes(2));

        cache.Add("newcomer", Principal(expiresIn: TimeSpan.FromMinutes(10)));
        Assert.NotNull(cache.Find("token-1"));
        Assert.NotNull(cache.Find("newcomer"));

        cache.Add("one-too-many", Principal(expiresIn: TimeSpan.FromMinutes(10)));
        Assert.Null(cache.Find("token-1"));
        Assert.NotNull(cache.Find("one-too-many"));
    }

    private ClaimsPrincipal Principal(TimeSpan expiresIn) => new(new ClaimsIdentity(
    [
        new Claim("sub", "partner-acme"),
        new Claim("exp", (time.GetUtcNow() + expiresIn).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ], "Bearer"));
}
