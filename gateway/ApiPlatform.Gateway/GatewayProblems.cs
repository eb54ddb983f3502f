using ApiPlatform.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace ApiPlatform.Gateway;

/// <summary>
/// The one writer of the problem details (RFC 9457) the gateway answers itself: a step's refusal, a forwarding failure,
/// and for requests that skip the shared pipeline (<see cref="Edge.EdgePolicyMiddleware"/>) the exception handler's and
/// status code pages' documents, without those two middleware layers on every request.
/// </summary>
internal static class GatewayProblems
{
    public static async Task WriteAsync(HttpContext context, ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        // A caller that accepts no JSON gets the bare status; the status code pages cannot do better.
        await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }

    /// <summary>Whether the response is an error (400–599) that has not started and has no body: the status code pages' case.</summary>
    public static bool LacksBody(HttpResponse response) =>
        !response.HasStarted && response.StatusCode is >= 400 and < 600
        && response.ContentLength is null && string.IsNullOrEmpty(response.ContentType);

    /// <summary>Writes the problem document of the response's status, as the status code pages do.</summary>
    public static async Task WriteForStatusAsync(HttpContext context)
    {
        var status = context.Response.StatusCode;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        if (!await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = { Status = status } }))
        {
            // A caller that accepts no JSON: the status code pages' plain text.
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync($"Status Code: {status}; {ReasonPhrases.GetReasonPhrase(status)}");
        }
    }

    /// <summary>
    /// Answers an exception as the exception handler does: nothing for a request its caller aborted (499), otherwise a
    /// cleared, uncached response written by the registered <see cref="IExceptionHandler"/>s (500 problem when none
    /// takes it), keeping the correlation id. False when the response had already started: the caller rethrows, and
    /// the server aborts the connection.
    /// </summary>
    public static async Task<bool> TryWriteForExceptionAsync(HttpContext context, Exception exception)
    {
        var response = context.Response;
        if (exception is OperationCanceledException or IOException && context.RequestAborted.IsCancellationRequested)
        {
            if (!response.HasStarted)
            {
                response.StatusCode = StatusCodes.Status499ClientClosedRequest;
            }
            return true;
        }
        if (response.HasStarted)
        {
            return false;
        }

        response.Clear();
        if (Correlation.Get(context) is { } correlationId)
        {
            response.Headers[Correlation.HeaderName] = correlationId;
        }
        response.Headers.CacheControl = "no-cache,no-store";
        response.Headers.Pragma = "no-cache";
        response.StatusCode = StatusCodes.Status500InternalServerError;
        foreach (var handler in context.RequestServices.GetServices<IExceptionHandler>())
        {
            if (await handler.TryHandleAsync(context, exception, context.RequestAborted))
            {
                return true;
            }
        }
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = StatusCodes.Status500InternalServerError },
        });
        return true;
    }
}
