using System.Net;
using ApiPlatform.ServiceDefaults.Errors;
using Polly.Timeout;
using Refit;

namespace ApiPlatform.VendorConnectors.Telemetry;

/// <summary>How one vendor call ended: <c>ok</c>, or the status the caller got (502, 503, 504) and why.</summary>
public readonly record struct CallOutcome(int? Status, string Cause)
{
    public static readonly CallOutcome Ok = new(null, "ok");

    public const string Mapping = "mapping";
    public const string Refused = "refused";
    public const string BadAnswer = "bad-answer";
    public const string Throttled = "throttled";
    public const string Unreachable = "unreachable";
    public const string VendorUnavailable = "vendor-unavailable";
    public const string Timeout = "timeout";

    /// <summary>Every cause of a failed call, by the status it is answered with.</summary>
    public static readonly IReadOnlyList<CallOutcome> Failures =
    [
        new(502, Mapping), new(502, Refused), new(502, BadAnswer),
        new(503, Throttled), new(503, Unreachable), new(503, VendorUnavailable),
        new(504, Timeout),
    ];

    public static CallOutcome Of(string connector, ProblemException problem, Exception error, bool mapping) => problem.Status switch
    {
        502 when mapping => new(502, Mapping),
        502 when problem.Title == $"{connector} refused the request" => new(502, Refused),
        502 => new(502, BadAnswer),
        503 when error is ApiException { StatusCode: HttpStatusCode.TooManyRequests } || problem.Title.Contains("throttl", StringComparison.Ordinal)
            || problem.Message.Contains("throttl", StringComparison.Ordinal) => new(503, Throttled),
        503 when error is HttpRequestException => new(503, Unreachable),
        503 => new(503, VendorUnavailable),
        504 => new(504, Timeout),
        _ when error is TimeoutRejectedException => new(504, Timeout),
        var other => new(other, BadAnswer),
    };
}
