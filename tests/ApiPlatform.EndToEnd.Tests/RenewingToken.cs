using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ApiPlatform.EndToEnd.Tests;

/// <summary>
/// A development client's client-credentials token, fetched through the gateway and fetched again once half its
/// lifetime has passed, so that a long run (or a long proof) never calls with an expired token.
/// </summary>
public sealed class RenewingToken(Uri gateway, string clientId, string secret, string? scope = null)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private string? token;
    private DateTimeOffset renewAt;

    public async Task<string> GetAsync(CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (token is null || DateTimeOffset.UtcNow >= renewAt)
            {
                var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret };
                if (scope is not null)
                {
                    form["scope"] = scope;
                }
                using var http = new HttpClient { BaseAddress = gateway };
                using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(form), cancellationToken);
                var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
                Assert.True(response.IsSuccessStatusCode, $"token for {clientId}: {(int)response.StatusCode} {body}");
                token = body.GetProperty("access_token").GetString()!;
                renewAt = DateTimeOffset.UtcNow.AddSeconds(body.GetProperty("expires_in").GetInt32() / 2.0);
            }
            return token;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>A client of the gateway that sends a current token with every request.</summary>
    public HttpClient Client() => new(new Bearer(this) { InnerHandler = new SocketsHttpHandler() }) { BaseAddress = gateway };

    private sealed class Bearer(RenewingToken token) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization ??= new AuthenticationHeaderValue("Bearer", await token.GetAsync(cancellationToken));
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
