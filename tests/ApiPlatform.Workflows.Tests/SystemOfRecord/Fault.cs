namespace ApiPlatform.Workflows.Tests.SystemOfRecord;

/// <summary>How the system of record answers instead of doing the work: a status, a problem's detail, a Retry-After.</summary>
public sealed record Fault(int Status, string? Detail = null, int? RetryAfterSeconds = null)
{
    public static readonly Fault Unavailable = new(503);

    public static Fault Refusal(string detail) => new(422, detail);

    public static Fault TooManyRequests(int retryAfterSeconds) => new(429, null, retryAfterSeconds);
}
