using ApiPlatform.Catalog;
using ApiPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApiPlatform.Gateway.Apis;

/// <summary>
/// What the measurement endpoints (SLO compliance, consumer traffic) read before their counts: the catalog's version of
/// the API, and a window of whole minutes, the one holding 'from' up to and including the one holding 'to'.
/// </summary>
internal readonly record struct MeasuredWindow(ApiDefinition Api, DateTimeOffset Start, DateTimeOffset End, long FirstMinute, long EndMinute)
{
    /// <summary>The window, or the problem that answers the request (404 for an unknown version, 400 for a bad window).</summary>
    public static ProblemHttpResult? TryResolve(
        ApiCatalog catalog, string api, int major, DateTimeOffset? from, DateTimeOffset? to, DateTimeOffset now, TimeSpan byDefault,
        TimeSpan max, string maxText, out MeasuredWindow window)
    {
        window = default;
        var definition = catalog.FindApi(api);
        if (definition?.FindVersion(major) is null)
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status404NotFound, ProblemTypes.NotFound, "Not found",
                $"The catalog has no version v{major} of '{api}'.");
        }
        var end = to ?? now;
        var start = from ?? end - byDefault;
        if (end <= start || end - start > max)
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status400BadRequest, ProblemTypes.Validation, "The window is invalid",
                $"'to' must be after 'from', at most {maxText} later.");
        }
        window = new MeasuredWindow(definition, start, end, start.ToUnixTimeSeconds() / 60, end.ToUnixTimeSeconds() / 60 + 1);
        return null;
    }
}
