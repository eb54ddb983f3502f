using System.Net;
using System.Text.Json;

namespace ApiPlatform.Identity.Tests;

/// <summary>Calls <c>/connect/token</c> the way platform clients do (form post, client_secret_post).</summary>
internal static class TokenApi
{
    public const string TokenExchangeGrant = "urn:ietf:params:oauth:grant-type:token-exchange";
    public const string AccessTokenType = "urn:ietf:params:oauth:token-type:access_token";

    public static Task<TokenResponse> ClientCredentialsAsync(HttpClient client, string clientId, string? scope = null, string? secret = null)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret ?? TestSettings.Secrets[clientId],
        };
        if (scope is not null)
        {
            form["scope"] = scope;
        }
        return PostAsync(client, form);
    }

    public static Task<TokenResponse> ExchangeAsync(HttpClient client, string clientId, string subjectToken, string scope) =>
        PostAsync(client, new Dictionary<string, string>
        {
            ["grant_type"] = TokenExchangeGrant,
            ["client_id"] = clientId,
            ["client_secret"] = TestSettings.Secrets[clientId],
            ["subject_token"] = subjectToken,
            ["subject_token_type"] = AccessTokenType,
            ["requested_token_type"] = AccessTokenType,
            ["scope"] = scope,
        });

    public static async Task<string> AccessTokenAsync(HttpClient client, string clientId, string? scope = null)
    {
        var response = await ClientCredentialsAsync(client, clientId, scope);
        Assert.True(response.Status == HttpStatusCode.OK, $"{clientId}: {response.Status} {response.Body}");
        return response.AccessToken;
    }

    private static async Task<TokenResponse> PostAsync(HttpClient client, Dictionary<string, string> form)
    {
        using var content = new FormUrlEncodedContent(form);
        using var response = await client.PostAsync(new Uri("connect/token", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        return new TokenResponse(response.StatusCode, JsonDocument.Parse(body).RootElement.Clone());
    }
}
