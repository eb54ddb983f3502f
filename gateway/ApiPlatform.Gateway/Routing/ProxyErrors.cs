using ApiPlatform.Gateway.Edge;
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
    /// Answers the forwarder's failure, if any and the response has not started, with its problem naming the route's
    /// upstream; the caller keeps its correlation id, which the forwarder may have cleared with the response.
    /// </summary>
    public static Task AnswerFailureAsync(HttpContext context, EdgeRoute route)
    {
        if (context.GetForwarderErrorFeature() is not { } failure || context.Response.HasStarted
            || Describe(failure.Error, failure.Exception, route) is not { } problem)
        {
            return Task.CompletedTask;
        }
        if (Correlation.Get(context) is { } correlationId)
        {
            context.Response.Headers[Correlation.HeaderName] = correlationId;
        }
        return GatewayProblems.WriteAsync(context, problem);
    }

    private static ProblemDetails? Describe(ForwarderError error, Exception? exception, EdgeRoute route) => error switch
    {
        ForwarderError.RequestTimedOut or ForwarderError.Request when IsConnectFailure(exception) => Unavailable(route.Upstream),
        ForwarderError.NoAvailableDestinations => Unavailable(route.Upstream),
        // Kestrel cut a chunked body off at the route's limit.
        ForwarderError.RequestBodyClient when IsTooLarge(exception) => Hardening.BodyLimit.TooLarge(route),
        ForwarderError.RequestTimedOut => Problem(StatusCodes.Status504GatewayTimeout, ProblemTypes.UpstreamTimeout,
            "Upstream timeout", $"The {route.Upstream} did not answer in time."),
        // The caller went away or sent a broken body: there is nobody to answer, or the status already says it.
        ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled or ForwarderError.ResponseBodyCanceled
            or ForwarderError.RequestBodyClient or ForwarderError.ResponseBodyClient
            or ForwarderError.UpgradeRequestClient or ForwarderError.UpgradeResponseClient
            or ForwarderError.UpgradeRequestCanceled or ForwarderError.UpgradeResponseCanceled => null,
        _ => Problem(StatusCodes.Status502BadGateway, ProblemTypes.UpstreamError,
            "Upstream error", $"The {route.Upstream} failed to answer."),
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
