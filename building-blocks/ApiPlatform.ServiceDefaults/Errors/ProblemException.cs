namespace ApiPlatform.ServiceDefaults.Errors;

/// <summary>An expected failure that maps to one problem details response.</summary>
public class ProblemException(int status, string type, string title, string detail) : Exception(detail)
{
    public int Status { get; } = status;
    public string Type { get; } = type;
    public string Title { get; } = title;
    public IDictionary<string, object?> Extensions { get; } = new Dictionary<string, object?>();

    public static ProblemException NotFound(string detail) => new(404, ProblemTypes.NotFound, "Not found", detail);

    public static ProblemException Conflict(string detail) => new(409, ProblemTypes.Conflict, "Conflict", detail);

    public static ProblemException UpstreamUnavailable(string system, string detail) =>
        new(503, ProblemTypes.UpstreamUnavailable, $"{system} is unavailable", detail) { Extensions = { ["system"] = system } };
}
