using ApiPlatform.Contracts;
using Refit;

namespace ApiPlatform.ServiceDefaults.Tests.Clients;

/// <summary>One call per method, to a loopback API whose first answer to each id is a 503.</summary>
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
    Task<IApiResponse> PostAsync(string id, [Header(PlatformHeaders.IdempotencyKey)] string? idempotencyKey, CancellationToken cancellationToken);

    [Patch("/flaky/{id}")]
    Task<IApiResponse> PatchAsync(string id, [Header(PlatformHeaders.IdempotencyKey)] string? idempotencyKey, CancellationToken cancellationToken);
}
