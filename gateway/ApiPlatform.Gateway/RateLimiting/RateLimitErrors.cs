using System.Globalization;
using ApiPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Mvc;

namespace ApiPlatform.Gateway.RateLimiting;

internal static class RateLimitErrors
{
    /// <summary>
    /// Any failure of the shared store (down, slow, not connected, or a fault of its own) means local limits: a limiter
    /// fault must never answer 5xx nor admit without limit.
    /// </summary>
    public static bool IsStoreFailure(Exception error) => error is not OutOfMemoryException;

    /// <summary>The 429 problem+json with <c>Retry-After</c> of a refused request; never ASP.NET Core's default 503.</summary>
    public static Task WriteTooManyRequestsAsync(HttpContext context, RateLimitDecision decision, string detail, string? plan = null)
    {
        context.Response.Headers.RetryAfter = decision.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Type = ProblemTypes.RateLimited,
            Title = "Too many requests",
            Detail = $"{detail}; retry after {decision.RetryAfterSeconds} s.",
            Extensions = { ["retryAfterSeconds"] = decision.RetryAfterSeconds },
        };
        if (plan is not null)
        {
            problem.Extensions["plan"] = plan;
        }
        return GatewayProblems.WriteAsync(context, problem);
    }
}
