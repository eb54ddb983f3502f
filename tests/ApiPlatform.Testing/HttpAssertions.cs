using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ApiPlatform.Contracts;

namespace ApiPlatform.Testing;

public static class HttpAssertions
{
    /// <summary>
    /// Asserts an RFC 9457 problem: the status (answered and in the body), <c>application/problem+json</c>, a title, the
    /// correlation id, and the type, given by its name (<c>not-found</c>) or in full (<c>/developers/problems/not-found</c>).
    /// Returns the body.
    /// </summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string type)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        var actual = problem.GetProperty("type").GetString();
        Assert.True(actual == type || actual?.EndsWith("/problems/" + type, StringComparison.Ordinal) == true, $"expected type {type}, got {actual}");
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("correlationId").GetString()));
        return problem;
    }

    /// <summary>Asserts a 502/503/504 problem that names the system of record.</summary>
    public static async Task<JsonElement> AssertUpstreamProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string type, string system)
    {
        var problem = await response.AssertProblemAsync(status, type);
        Assert.Equal(system, problem.GetProperty("system").GetString());
        return problem;
    }

    public static async Task<JsonElement> AssertJsonAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string path, object? body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add(PlatformHeaders.IdempotencyKey, idempotencyKey);
        }
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object? body, string? idempotencyKey = null) =>
        client.SendJsonAsync(HttpMethod.Post, path, body, idempotencyKey);
}
