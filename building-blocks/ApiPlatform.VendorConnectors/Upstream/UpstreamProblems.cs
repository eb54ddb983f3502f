using ApiPlatform.ServiceDefaults.Errors;

namespace ApiPlatform.VendorConnectors.Upstream;

/// <summary>The problems a system API answers for its systems of record, each naming the system in <c>system</c>.</summary>
public static class UpstreamProblems
{
    public const string SystemExtension = "system";

    public static ProblemException BadAnswer(string system, string detail) =>
        Named(502, ProblemTypes.UpstreamError, $"{system} answered badly", $"{system} answered {detail}; nothing from it was kept.", system);

    public static ProblemException Refused(string system, string detail) =>
        Named(502, ProblemTypes.UpstreamError, $"{system} refused the request", detail, system);

    public static ProblemException Unavailable(string system, string detail, TimeSpan? retryAfter = null)
    {
        var problem = Named(503, ProblemTypes.UpstreamUnavailable, $"{system} is unavailable", detail, system);
        if (retryAfter is { } wait)
        {
            problem.Extensions["retryAfterSeconds"] = (int)Math.Ceiling(wait.TotalSeconds);
        }
        return problem;
    }

    public static ProblemException Timeout(string system) =>
        Named(504, ProblemTypes.UpstreamTimeout, $"{system} timed out", $"{system} did not answer in time.", system);

    private static ProblemException Named(int status, string type, string title, string detail, string system)
    {
        var problem = new ProblemException(status, type, title, detail);
        problem.Extensions[SystemExtension] = system;
        return problem;
    }
}
