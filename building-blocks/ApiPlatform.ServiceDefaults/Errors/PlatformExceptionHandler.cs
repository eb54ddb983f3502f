using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using ProblemDetails = Microsoft.AspNetCore.Mvc.ProblemDetails;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Polly.Timeout;
using Refit;

namespace ApiPlatform.ServiceDefaults.Errors;

/// <summary>Maps known exceptions to problem details; anything else is a 500 without internals outside Development.</summary>
internal sealed class PlatformExceptionHandler(
    IProblemDetailsService problemDetails,
    IHostEnvironment environment,
    ILogger<PlatformExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Map(context, exception);
        if (problem.Status >= 500)
        {
            logger.LogError(exception, "Request failed with {Status}: {Title}", problem.Status, problem.Title);
        }

        context.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private ProblemDetails Map(HttpContext context, Exception exception) => exception switch
    {
        ProblemException known => WithExtensions(new ProblemDetails
        {
            Status = known.Status,
            Type = known.Type,
            Title = known.Title,
            Detail = known.Message,
        }, known.Extensions),
        ValidationException invalid => new HttpValidationProblemDetails(
            invalid.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()))
        {
            Status = StatusCodes.Status400BadRequest,
            Type = ProblemTypes.Validation,
            Title = "The request is invalid",
        },
        BadHttpRequestException bad => new ProblemDetails
        {
            Status = bad.StatusCode,
            Type = ProblemTypes.ForStatus(bad.StatusCode),
            Title = "The request could not be read",
            Detail = bad.Message,
        },
        // The form reader's limits (value length, value count): the caller's request, not a fault of ours.
        InvalidDataException unreadable when context.Request.HasFormContentType => new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Type = ProblemTypes.BadRequest,
            Title = "The request could not be read",
            Detail = unreadable.Message,
        },
        ApiException upstream => Upstream(502, ProblemTypes.UpstreamError, "An upstream API failed",
            $"{upstream.RequestMessage.RequestUri?.Host} answered {(int)upstream.StatusCode} to {upstream.RequestMessage.Method} {upstream.RequestMessage.RequestUri?.AbsolutePath}"),
        ApiRequestException { InnerException: TimeoutRejectedException } =>
            Upstream(504, ProblemTypes.UpstreamTimeout, "An upstream API timed out", "The upstream call did not complete in time."),
        ApiRequestException unreachable => Upstream(503, ProblemTypes.UpstreamUnavailable, "An upstream API is unavailable",
            $"{unreachable.Uri?.Host} could not be reached: {unreachable.InnerException?.Message}"),
        HttpRequestException unreachable => Upstream(503, ProblemTypes.UpstreamUnavailable, "An upstream API is unavailable", unreachable.Message),
        TimeoutRejectedException => Upstream(504, ProblemTypes.UpstreamTimeout, "An upstream API timed out", "The upstream call did not complete in time."),
        _ => new ProblemDetails
        {
            Status = StatusCodes.Status500InternalServerError,
            Type = ProblemTypes.Internal,
            Title = "An unexpected error occurred",
            Detail = environment.IsDevelopment() ? exception.ToString() : null,
        },
    };

    private static ProblemDetails Upstream(int status, string type, string title, string detail) =>
        new() { Status = status, Type = type, Title = title, Detail = detail };

    private static ProblemDetails WithExtensions(ProblemDetails problem, IDictionary<string, object?> extensions)
    {
        foreach (var (key, value) in extensions)
        {
            problem.Extensions[key] = value;
        }
        return problem;
    }
}
