using ApiPlatform.Gateway.Lifecycle;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Mvc;
using Yarp.ReverseProxy.Forwarder;

namespace ApiPlatform.Gateway.Routing;

/// <summary>
/// Maps forwarding failures to problem details. YARP answers 502 for everything it cannot reach; callers and
/// operators need to tell "down" (503), "slow" (504) and "broken" (502) apart.
/// </summary>
internal static class ProxyErrors
{
    /// <summary>
    /// Answers the forwarder's failure, if any and the response has not started, with its problem; the caller of an
    /// API's route (<paramref name="api"/>) or of the token server keeps its correlation id, which the forwarder may
    /// have cleared with the response.
    /// </summary>
    public static Task AnswerFailureAsync(HttpContext context, ApiLifecycle? api)
    {
        if (context.GetForwarderErrorFeature() is not { } failure || context.Response.HasStarted
            || Describe(failure.Error, failure.Exception, api is null ? "token server" : $"{api.Name} API") is not { } problem)
        {
            return Task.CompletedTask;
        }
        if (Correlation.Get(context) is { } correlationId)
        {
            context.Response.Headers[Correlation.HeaderName] = correlationId;
        }
        return GatewayProblems.WriteAsync(context, problem);
    }

    public static ProblemDetails? Describe(ForwarderError error, Exception? exception, string upstream) => error switch
    {
        ForwarderError.RequestTimedOut or ForwarderError.Request when IsConnectFailure(exception) => Unavailable(upstream),
        ForwarderError.NoAvailableDestinations => Unavailable(upstream),
        // Kestrel cut a chunked body off at the route's limit.
        ForwarderError.RequestBodyClient when IsTooLarge(exception) => Hardening.BodyLimit.TooLarge(null),
        ForwarderError.RequestTimedOut => Problem(StatusCodes.Status504GatewayTimeout, ProblemTypes.UpstreamTimeout,
            "Upstream timeout", $"The {upstream} did not answer in time."),
        // The caller went away or sent a broken body: there is nobody to answer, or the status already says it.
        ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled or ForwarderError.ResponseBodyCanceled
            or ForwarderError.RequestBodyClient or ForwarderError.ResponseBodyClient
            or ForwarderError.UpgradeRequestClient or ForwarderError.UpgradeResponseClient
            or ForwarderError.UpgradeRequestCanceled or ForwarderError.UpgradeResponseCanceled => null,
        _ => Problem(StatusCodes.Status502BadGateway, ProblemTypes.UpstreamError,
            "Upstream error", $"The {upstream} failed to answer."),
    };

    /// <summary>Whether the request never reached the upstream: no connection could be made.</summary>
    public static bool IsConnectFailure(ForwarderError error, Exception? exception) =>
        error is ForwarderError.Request or ForwarderError.RequestTimedOut && IsConnectFailure(exception);

    private static ProblemDetails Unavailable(string upstream) => Problem(StatusCodes.Status503ServiceUnavailable,
        ProblemTypes.UpstreamUnavailable, "Upstream unavailable", $"The {upstream} is unavailable.");

    private static ProblemDetails Problem(int status, string type, string title, string detail) =>
        new() { Status = status, Type = type, Title = title, Detail = detail };

    private static bool IsTooLarge(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
            {
                return true;
            }
        }
        return false;
    }

    // Connection refused, unknown host, or the connect timeout (an OperationCanceledException over a TimeoutException).
    private static bool IsConnectFailure(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError }
                or TimeoutException)
            {
                return true;
            }
        }
        return false;
    }
}
