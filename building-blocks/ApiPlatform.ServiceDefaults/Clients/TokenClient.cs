using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using ApiPlatform.ServiceDefaults.Auth;
using ApiPlatform.ServiceDefaults.Errors;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ApiPlatform.ServiceDefaults.Clients;

/// <summary>
/// Gets this service's tokens for downstream calls: client credentials when it acts for itself, and OAuth 2.0
/// Token Exchange (RFC 8693) when it acts for its caller, so the downstream API sees the caller's subject and tenant.
/// </summary>
public sealed class TokenClient(HttpClient http, IMemoryCache cache, IOptions<AuthOptions> options, TimeProvider time)
{
    private const string TokenExchangeGrant = "urn:ietf:params:oauth:grant-type:token-exchange";
    private const string AccessTokenType = "urn:ietf:params:oauth:token-type:access_token";
    private static readonly TimeSpan RenewBeforeExpiry = TimeSpan.FromSeconds(30);

    public Task<string> GetClientCredentialsTokenAsync(string scope, CancellationToken cancellationToken) =>
        GetCachedAsync($"cc:{scope}", [new("grant_type", "client_credentials"), new("scope", scope)], cancellationToken);

    public Task<string> ExchangeAsync(string subjectToken, string scope, CancellationToken cancellationToken)
    {
        var subjectHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(subjectToken)));
        return GetCachedAsync($"tx:{subjectHash}:{scope}",
        [
            new("grant_type", TokenExchangeGrant),
            new("subject_token", subjectToken),
            new("subject_token_type", AccessTokenType),
            new("requested_token_type", AccessTokenType),
            new("scope", scope),
        ], cancellationToken);
    }

    private async Task<string> GetCachedAsync(string key, KeyValuePair<string, string>[] form, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(key, out string? cached) && cached is not null)
        {
            return cached;
        }

        var auth = options.Value;
        if (string.IsNullOrEmpty(auth.ClientId) || string.IsNullOrEmpty(auth.ClientSecret))
        {
            throw new InvalidOperationException("Configuration 'Auth:ClientId' and 'Auth:ClientSecret' are required to call other APIs.");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(auth.GetAuthorityUri(), "connect/token"))
        {
            Content = new FormUrlEncodedContent([.. form, new("client_id", auth.ClientId), new("client_secret", auth.ClientSecret)]),
        };
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var error = await response.Content.ReadFromJsonAsync<TokenError>(cancellationToken);
            throw new ProblemException(403, ProblemTypes.Forbidden, "The token server refused a downstream token",
                $"{error?.Error}: {error?.Description}");
        }

        var token = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken)
            ?? throw new InvalidOperationException("The token server answered an empty token response.");
        var lifetime = TimeSpan.FromSeconds(token.ExpiresIn) - RenewBeforeExpiry;
        if (lifetime > TimeSpan.Zero)
        {
            cache.Set(key, token.AccessToken, time.GetUtcNow() + lifetime);
        }
        return token.AccessToken;
    }

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);

    private sealed record TokenError(
        [property: JsonPropertyName("error")] string? Error,
        [property: JsonPropertyName("error_description")] string? Description);
}
