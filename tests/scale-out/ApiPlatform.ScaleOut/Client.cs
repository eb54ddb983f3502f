using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ApiPlatform.Contracts;

namespace ApiPlatform.ScaleOut;

/// <summary>
/// A client of the platform through the public address, as a well-behaved integration writes: every write carries one
/// Idempotency-Key for all its attempts and is sent again when no answer came back (a connection lost with a replica)
/// or the answer says it was not done (429, 502, 503, 504, a key still in flight).
/// </summary>
internal sealed class Client(Uri gateway, string clientId, string secret) : IDisposable
{
    private readonly HttpClient http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(30) })
    {
        BaseAddress = gateway,
        Timeout = TimeSpan.FromSeconds(60),
    };
    private readonly SemaphoreSlim renewing = new(1, 1);
    private string? token;
    private DateTime renewAt;

    /// <summary>A token of this client, renewed well before it expires (access tokens live 15 minutes).</summary>
    public async Task<string> TokenAsync()
    {
        await renewing.WaitAsync();
        try
        {
            if (token is null || DateTime.UtcNow >= renewAt)
            {
                token = await TokenAsync(gateway, clientId, secret);
                renewAt = DateTime.UtcNow.AddMinutes(5);
            }
            return token;
        }
        finally
        {
            renewing.Release();
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync());
        return await http.SendAsync(request);
    }

    /// <summary>Answers that were not the write's final answer: sent again with the same key.</summary>
    public int Retried;

    /// <summary>Every answer that was not a success, and every request that got no answer, even if a retry then succeeded.</summary>
    public int Unsuccessful;

    /// <summary>What the unsuccessful answers were (the first 20).</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> UnsuccessfulAnswers { get; } = new();

    private void Note(string what)
    {
        Interlocked.Increment(ref Unsuccessful);
        if (UnsuccessfulAnswers.Count < 20)
        {
            UnsuccessfulAnswers.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {what}");
        }
    }

    public static async Task<string> TokenAsync(Uri gateway, string clientId, string secret)
    {
        using var http = new HttpClient { BaseAddress = gateway };
        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret,
        }));
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!
            : throw new InvalidOperationException($"token for {clientId}: {(int)response.StatusCode} {body}");
    }

    public async Task<JsonElement> WriteAsync(string path, object body, params HttpStatusCode[] expected)
    {
        var key = Guid.NewGuid().ToString("N");
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
            request.Headers.Add(PlatformHeaders.IdempotencyKey, key);
            HttpResponseMessage? response = null;
            try
            {
                response = await SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                if (expected.Contains(response.StatusCode))
                {
                    return JsonDocument.Parse(text).RootElement.Clone();
                }
                Note($"POST {path}: {(int)response.StatusCode} {text[..Math.Min(text.Length, 300)]}");
                var again = response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway
                    or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout
                    || response.StatusCode == HttpStatusCode.Conflict && text.Contains("idempotency-in-flight", StringComparison.Ordinal);
                if (!again || attempt >= 30)
                {
                    throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {text}");
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && attempt < 30)
            {
                Note($"POST {path}: no answer ({e.GetType().Name}: {e.Message})");
            }
            finally
            {
                response?.Dispose();
            }
            Interlocked.Increment(ref Retried);
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(250 * attempt, 2000)));
        }
    }

    public async Task<JsonElement> GetAsync(string path)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, path));
                if (response.IsSuccessStatusCode)
                {
                    return await response.Content.ReadFromJsonAsync<JsonElement>();
                }
                if (attempt >= 10 || (int)response.StatusCode < 500 && response.StatusCode != HttpStatusCode.TooManyRequests)
                {
                    throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
            catch (HttpRequestException) when (attempt < 10)
            {
            }
            await Task.Delay(500);
        }
    }

    /// <summary>Every item of a paged list.</summary>
    public async Task<List<JsonElement>> AllAsync(string path)
    {
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var all = new List<JsonElement>();
        for (var offset = 0; ; offset += 200)
        {
            var items = (await GetAsync($"{path}{separator}offset={offset}&limit=200")).GetProperty("items").EnumerateArray().ToList();
            all.AddRange(items);
            if (items.Count < 200)
            {
                return all;
            }
        }
    }

    public void Dispose()
    {
        http.Dispose();
        renewing.Dispose();
    }
}
