using ApiPlatform.Catalog;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace ApiPlatform.Gateway.Lifecycle;

/// <summary>
/// The version and lifecycle check of an API request: unknown and draft versions answer 404, retired ones 410 (with
/// the successor's link), deprecated ones pass with Deprecation, Sunset and Link headers.
/// </summary>
internal static class LifecycleCheck
{
    public const string DeprecationHeader = "Deprecation";
    public const string SunsetHeader = "Sunset";

    /// <summary>
    /// The problem to answer instead of proxying the request for version <paramref name="major"/> (null when the path
    /// names none), or null when that version is served.
    /// </summary>
    public static ProblemDetails? Check(HttpContext context, ApiLifecycle api, int? major, DateTimeOffset now)
    {
        var version = major is { } value ? api.Find(value) : null;
        var status = version?.StatusAt(now) ?? VersionStatus.Draft;
        if (version is null || status == VersionStatus.Draft)
        {
            return LifecycleProblems.VersionNotFound(api, now);
        }

        var headers = context.Response.Headers;
        if (status == VersionStatus.Retired)
        {
            if (version.SuccessorLink is { } link)
            {
                headers[HeaderNames.Link] = link;
            }
            return LifecycleProblems.Retired(api, version);
        }

        if (status == VersionStatus.Deprecated)
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
        return null;
    }
}
