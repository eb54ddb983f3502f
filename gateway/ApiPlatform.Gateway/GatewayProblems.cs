using Microsoft.AspNetCore.Mvc;

namespace ApiPlatform.Gateway;

/// <summary>Writes the problem details (RFC 9457) of errors the gateway itself answers.</summary>
internal static class GatewayProblems
{
    public static async Task WriteAsync(HttpContext context, ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        // A caller that accepts no JSON gets the bare status; the status code pages cannot do better.
        await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
