using ApiPlatform.Catalog;
using ApiPlatform.ServiceDefaults.Auth;
using Microsoft.Net.Http.Headers;

namespace ApiPlatform.Gateway.Lifecycle;

/// <summary>
/// Runs after authentication and before authorization on API routes: unknown and draft versions answer 404,
/// retired ones 410, deprecated ones carry Deprecation, Sunset and Link headers.
/// </summary>
internal sealed class LifecycleMiddleware(RequestDelegate next, TimeProvider time)
{
    public const string DeprecationHeader = "Deprecation";
    public const string SunsetHeader = "Sunset";

    public Task InvokeAsync(HttpContext context)
    {
        var api = context.GetEndpoint()?.Metadata.GetMetadata<ApiLifecycle>();
        // A caller without the API's scope learns nothing about its versions: authorization answers 401 or 403.
        if (api is null || !context.User.HasScope(api.Scope))
        {
            return next(context);
        }

        var now = time.GetUtcNow();
        var version = VersionSegment.TryParse(context.Request.Path, api.PathPrefix.Length, out var major) ? api.Find(major) : null;
        var status = version?.StatusAt(now) ?? VersionStatus.Draft;
        if (version is null || status == VersionStatus.Draft)
        {
            return GatewayProblems.WriteAsync(context, LifecycleProblems.VersionNotFound(api, now));
        }

        if (status == VersionStatus.Retired)
        {
            AddSuccessorLink(context.Response.Headers, version);
            return GatewayProblems.WriteAsync(context, LifecycleProblems.Retired(api, version));
        }

        if (status == VersionStatus.Deprecated)
        {
            AddDeprecationHeaders(context.Response.Headers, version);
        }
        return next(context);
    }

    private static void AddDeprecationHeaders(IHeaderDictionary headers, VersionLifecycle version)
    {
        if (version.DeprecationHeader is { } deprecation)
        {
            headers[DeprecationHeader] = deprecation;
        }
        if (version.SunsetHeader is { } sunset)
        {
            headers[SunsetHeader] = sunset;
        }
        headers[HeaderNames.Link] = version.DeprecatedLinkHeader;
    }

    private static void AddSuccessorLink(IHeaderDictionary headers, VersionLifecycle version)
    {
        if (version.SuccessorLink is { } link)
        {
            headers[HeaderNames.Link] = link;
        }
    }
}
