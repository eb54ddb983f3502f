using ApiPlatform.Contracts;
using ApiPlatform.ServiceDefaults.Clients;
using Refit;

namespace ApiPlatform.ServiceDefaults.Tests.Clients;

/// <summary>One call per method, to an API whose first answer to each id is a 503 (a loopback service or a WireMock vendor).</summary>
public interface IFlakyApi
{
    [Get("/flaky/{id}")]
    Task<IApiResponse> GetAsync(string id, CancellationToken cancellationToken);

    [Head("/flaky/{id}")]
    Task<IApiResponse> HeadAsync(string id, CancellationToken cancellationToken);

    [Options("/flaky/{id}")]
    Task<IApiResponse> OptionsAsync(string id, CancellationToken cancellationToken);

    [Put("/flaky/{id}")]
    Task<IApiResponse> PutAsync(string id, CancellationToken cancellationToken);

    [Delete("/flaky/{id}")]
    Task<IApiResponse> DeleteAsync(string id, CancellationToken cancellationToken);

    [Post("/flaky/{id}")]
    Task<IApiResponse> PostAsync(
        string id, [Header(PlatformHeaders.IdempotencyKey)] string? idempotencyKey, [Property(RetrySafety.MarkedSafeOption)] bool retrySafe, CancellationToken cancellationToken);

    [Patch("/flaky/{id}")]
    Task<IApiResponse> PatchAsync(
        string id, [Header(PlatformHeaders.IdempotencyKey)] string? idempotencyKey, [Property(RetrySafety.MarkedSafeOption)] bool retrySafe, CancellationToken cancellationToken);
}

/// <summary>The retry-safety cases both client kinds are held to: a method, what makes a POST or PATCH safe, and how many attempts reach the API.</summary>
public static class FlakyCalls
{
    public static TheoryData<string, string, int> Cases => new()
    {
        { "GET", "", 2 },
        { "HEAD", "", 2 },
        { "OPTIONS", "", 2 },
        { "PUT", "", 2 },
        { "DELETE", "", 2 },
        { "POST", "", 1 },
        { "PATCH", "", 1 },
        { "POST", "key", 2 },
        { "PATCH", "key", 2 },
        { "POST", "marked", 2 },
        { "PATCH", "marked", 2 },
    };

    /// <summary>Calls <paramref name="id"/> with the method; <paramref name="safety"/> is "key" (an Idempotency-Key), "marked" or "".</summary>
    public static async Task<IApiResponse> SendAsync(IFlakyApi api, string method, string safety, string id)
    {
        var key = safety == "key" ? id : null;
        var marked = safety == "marked";
        return method switch
        {
            "GET" => await api.GetAsync(id, CancellationToken.None),
            "HEAD" => await api.HeadAsync(id, CancellationToken.None),
            "OPTIONS" => await api.OptionsAsync(id, CancellationToken.None),
            "PUT" => await api.PutAsync(id, CancellationToken.None),
            "DELETE" => await api.DeleteAsync(id, CancellationToken.None),
            "POST" => await api.PostAsync(id, key, marked, CancellationToken.None),
            _ => await api.PatchAsync(id, key, marked, CancellationToken.None),
        };
    }
}
