using ApiPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Mvc;

namespace ApiPlatform.Gateway.Lifecycle;

/// <summary>The 404 and 410 answers of the lifecycle checks.</summary>
internal static class LifecycleProblems
{
    public static ProblemDetails VersionNotFound(ApiLifecycle api, DateTimeOffset now)
    {
        var supported = api.SupportedAt(now);
        return new ProblemDetails
        {
            Status = StatusCodes.Status404NotFound,
            Type = ProblemTypes.VersionNotFound,
            Title = "API version not found",
            Detail = $"The {api.Name} API serves {(supported.Length == 0 ? "no version" : string.Join(", ", supported))} at {api.PathPrefix}/v{{major}}.",
            Extensions = { ["api"] = api.Name, ["supportedVersions"] = supported },
        };
    }

    public static ProblemDetails Retired(ApiLifecycle api, VersionLifecycle version)
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status410Gone,
            Type = ProblemTypes.LifecycleRetired,
            Title = "API version retired",
            Detail = version.SuccessorPath is { } successor
                ? $"{version.Name} of the {api.Name} API is retired; use its successor at {successor}."
                : $"{version.Name} of the {api.Name} API is retired.",
            Extensions = { ["api"] = api.Name, ["version"] = version.Name },
        };
        if (version.SuccessorPath is not null)
        {
            problem.Extensions["successor"] = version.SuccessorPath;
        }
        return problem;
    }
}
