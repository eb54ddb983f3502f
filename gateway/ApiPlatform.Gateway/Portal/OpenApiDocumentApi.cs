using System.Text.Json.Nodes;
using ApiPlatform.Catalog;
using ApiPlatform.Gateway.Apis;
using ApiPlatform.Gateway.Lifecycle;
using ApiPlatform.ServiceDefaults.Auth;
using ApiPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Gateway.Portal;

/// <summary><c>GET /catalog/apis/{api}/v{major}/openapi.json</c>: a published contract as clients of the gateway call it.</summary>
internal static class OpenApiDocumentApi
{
    public static RouteHandlerBuilder MapOpenApiDocumentApi(this IEndpointRouteBuilder app) =>
        app.MapGet(CatalogApi.BasePath + "/{api}/v{major:int}/openapi.json", GetDocument)
            .AllowAnonymous()
            .WithTags("Catalog")
            .WithName("GetApiVersionOpenApiDocument");

    public static Results<ContentHttpResult, ProblemHttpResult> GetDocument(
        string api, int major, ApiCatalog catalog, ApiLifecycleRegistry lifecycles, ApprovedOpenApiDocuments documents,
        IOptions<AuthOptions> auth, TimeProvider time)
    {
        var definition = catalog.FindApi(api);
        var version = lifecycles.Find(api)?.Find(major);
        var now = time.GetUtcNow();
        if (definition is null || version is null || version.StatusAt(now) is VersionStatus.Draft or VersionStatus.Retired
            || documents.Find(definition.Name, major) is not JsonNode document)
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status404NotFound, ProblemTypes.NotFound, "Not found",
                $"No published OpenAPI document for {api} v{major}.");
        }

        var rewritten = GatewayOpenApiRewriter.Rewrite(document, definition, version.StatusAt(now), version.SunsetAt, new Uri(auth.Value.GetEffectiveIssuer()));
        return TypedResults.Content(rewritten.ToJsonString(), "application/json");
    }
}
