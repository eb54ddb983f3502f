using System.Net;
using ApiPlatform.ServiceDefaults.Clients;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Refit;

namespace ApiPlatform.Workflows.Runtime;

/// <summary>
/// How a step's exception counts: a refusal (a 4xx problem from a system API, a 501 from a connector that cannot do the
/// operation, or <see cref="WorkflowRefusedException"/>) compensates at once; everything else is transient and retried
/// within the budget — timeouts, other 5xx, 408, 429 (after its <c>Retry-After</c>), unreachable services, and
/// unexpected errors, which are retried rather than trusted as final.
/// </summary>
internal sealed record Failure(bool Refused, string Message, TimeSpan? RetryAfter)
{
    public static Failure Of(Exception exception) => exception switch
    {
        WorkflowRefusedException refused => new(true, refused.Message, null),
        ApiException api when IsRefusal(api.StatusCode) => new(true, RefusalReason(api), null),
        ApiException api => new(false, $"the system API answered {(int)api.StatusCode} {api.ReasonPhrase}", RetryAfterOf(api)),
        ApiRequestException or HttpRequestException => new(false, "the system API could not be reached", null),
        TimeoutRejectedException or TaskCanceledException => new(false, "the system API did not answer in time", null),
        BrokenCircuitException => new(false, "the system API is failing; calls are paused", null),
        _ => new(false, $"unexpected error: {exception.GetType().Name}: {exception.Message}", null),
    };

    // 501: the system of record cannot do this at all (a connector without the operation); retrying cannot help.
    private static bool IsRefusal(HttpStatusCode status) =>
        ((int)status is >= 400 and < 500 && status is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests))
        || status == HttpStatusCode.NotImplemented;

    // The problem's own words (title and detail), never a host, port or status code: callers see this reason.
    private static string RefusalReason(ApiException api) => api.ProblemText() ?? "the request was refused by a system of record";

    private static TimeSpan? RetryAfterOf(ApiException api)
    {
        var retryAfter = api.Headers?.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta;
        }
        return retryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : null;
    }
}
