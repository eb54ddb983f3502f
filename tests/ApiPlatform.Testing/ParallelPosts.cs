using System.Net;
using System.Text.Json;

namespace ApiPlatform.Testing;

/// <summary>
/// The same POST from eight callers at once, straight to one service past the gateway (whose own idempotency record
/// would answer duplicates in flight 409): what the service's unique keys do when the twins race.
/// </summary>
public static class ParallelPosts
{
    public static async Task<(HttpStatusCode StatusCode, string Body)[]> SendAsync(SystemApiPlatform platform, string api, string path, object body, string? idempotencyKey = null)
    {
        var clients = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => platform.DirectClientAsync(api)));
        try
        {
            return await Task.WhenAll(clients.Select(async c =>
            {
                using var response = await c.PostJsonAsync(path, body, idempotencyKey);
                return (response.StatusCode, await response.Content.ReadAsStringAsync());
            }));
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    /// <summary>Every answer is the one create (201) or its replay (200), all of the same record; returns its id.</summary>
    public static string AssertOneRecord(this (HttpStatusCode StatusCode, string Body)[] answers)
    {
        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{(int)a.StatusCode}: {a.Body}"));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        return Assert.Single(answers.Select(a => JsonDocument.Parse(a.Body).RootElement.GetProperty("id").GetString()).Distinct())!;
    }
}
