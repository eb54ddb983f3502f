using ApiPlatform.Catalog;
using ApiPlatform.Gateway.Usage;
using ApiPlatform.ServiceDefaults.Auth;
using ApiPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApiPlatform.Gateway.Apis;

/// <summary>Who still calls an API version: the list a platform team needs before a sunset (scope platform:admin).</summary>
internal static class ConsumersApi
{
    public static RouteHandlerBuilder MapConsumersApi(this IEndpointRouteBuilder app) =>
        app.MapGet(CatalogApi.BasePath + "/{api}/v{major:int}/consumers", ListConsumers)
            .RequireAuthorization(PlatformPolicies.Admin)
            .WithTags("Catalog")
            .WithName("ListApiVersionConsumers");

    public static async Task<Results<Ok<ConsumerUsage[]>, ProblemHttpResult>> ListConsumers(
        string api, int major, ApiCatalog catalog, IUsageStore store, UsageRecorder recorder, CancellationToken cancellationToken)
    {
        if (catalog.FindApi(api)?.FindVersion(major) is null)
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status404NotFound, ProblemTypes.NotFound, "Not found",
                $"The catalog has no version v{major} of '{api}'.");
        }

        // Under the flush gate: counts a flush has taken from memory are in the store by the time it is read.
        IReadOnlyList<ConsumerUsage> stored;
        Dictionary<string, UsageCounter> pending;
        await recorder.FlushGate.WaitAsync(cancellationToken);
        try
        {
            stored = await store.ReadAsync(api, major, cancellationToken);
            pending = recorder.Pending(api, major).ToDictionary(p => p.ClientId, p => p.Counter);
        }
        finally
        {
            recorder.FlushGate.Release();
        }
        var consumers = stored.Select(s => s.ClientId).Union(pending.Keys).Select(client =>
        {
            var saved = stored.FirstOrDefault(s => s.ClientId == client);
            var unsaved = pending.GetValueOrDefault(client);
            var lastSeen = Math.Max(saved?.LastSeen.ToUnixTimeMilliseconds() ?? 0, unsaved?.LastSeenUnixMs ?? 0);
            return new ConsumerUsage(client, (saved?.Requests ?? 0) + (unsaved?.Requests ?? 0), DateTimeOffset.FromUnixTimeMilliseconds(lastSeen));
        });
        return TypedResults.Ok(consumers.OrderByDescending(c => c.LastSeen).ToArray());
    }
}
