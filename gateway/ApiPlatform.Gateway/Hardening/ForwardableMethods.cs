using ApiPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace ApiPlatform.Gateway.Hardening;

/// <summary>
/// The methods the gateway forwards. Any other (CONNECT, TRACE, a made-up method) is the caller's error, answered 405
/// with <c>Allow</c> before anything is forwarded: YARP cannot forward CONNECT and would blame the upstream with a 502.
/// </summary>
internal static class ForwardableMethods
{
    public const string Allow = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

    public static bool IsForwardable(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method)
        || HttpMethods.IsDelete(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);

    /// <summary>Answers 405 problem+json with <c>Allow</c> for a method that cannot be forwarded.</summary>
    public static Task RefuseAsync(HttpContext context)
    {
        context.Response.Headers[HeaderNames.Allow] = Allow;
        return GatewayProblems.WriteAsync(context, new ProblemDetails
        {
            Status = StatusCodes.Status405MethodNotAllowed,
            Type = ProblemTypes.MethodNotAllowed,
            Title = "Method not allowed",
            Detail = $"The gateway does not forward {context.Request.Method} requests; it forwards {Allow}.",
        });
    }
}
