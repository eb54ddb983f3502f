using ApiPlatform.Gateway.Lifecycle;
using ApiPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApiPlatform.Gateway.Apis;

/// <summary>The public, anonymous view of the API catalog, with the lifecycle in force (admin changes included).</summary>
internal static class CatalogApi
{
    public const string BasePath = "/catalog/apis";

    public static string PathOf(string api) => $"{BasePath}/{api}";

    public static RouteGroupBuilder MapCatalogApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(BasePath).AllowAnonymous().WithTags("Catalog");
        group.MapGet("", ListApis).WithName("ListCatalogApis");
        group.MapGet("/{api}", GetApi).WithName("GetCatalogApi");
        return group;
    }

    public static Ok<CatalogApiEntry[]> ListApis(ApiLifecycleRegistry registry, TimeProvider time)
    {
        var now = time.GetUtcNow();
        return TypedResults.Ok(registry.All.Select(a => CatalogApiEntry.From(a, now)).ToArray());
    }

    public static Results<Ok<CatalogApiEntry>, ProblemHttpResult> GetApi(string api, ApiLifecycleRegistry registry, TimeProvider time) =>
        registry.Find(api) is { } found
            ? TypedResults.Ok(CatalogApiEntry.From(found, time.GetUtcNow()))
            : ProblemDetailsExtensions.Problem(StatusCodes.Status404NotFound, ProblemTypes.NotFound, "Not found",
                $"The catalog has no API named '{api}'.");
}
