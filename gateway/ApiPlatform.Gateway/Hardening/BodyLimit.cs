using ApiPlatform.Gateway.Edge;
using ApiPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace ApiPlatform.Gateway.Hardening;

/// <summary>
/// The body limit of an edge route (the catalog's <c>policies.bodyLimitBytes</c> per API, a webhook's own, the token
/// endpoint's): a declared length above it answers 413 at once; a chunked body is cut off by Kestrel at the limit,
/// which the proxy and the idempotency check also answer with 413.
/// </summary>
internal static class BodyLimit
{
    /// <summary>The 413 to answer, or null once the request's body is limited to the route's maximum.</summary>
    public static ProblemDetails? Apply(HttpContext context, EdgeRoute route)
    {
        if (context.Request.ContentLength > route.BodyLimitBytes)
        {
            return TooLarge(route);
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = route.BodyLimitBytes;
        }
        return null;
    }

    public static ProblemDetails TooLarge(EdgeRoute? route) => new()
    {
        Status = StatusCodes.Status413PayloadTooLarge,
        Type = ProblemTypes.PayloadTooLarge,
        Title = "Request body too large",
        Detail = route is null
            ? "The request body exceeds the limit of this route."
            : $"The {route.BodyLimitSubject} accepts request bodies of at most {route.BodyLimitBytes} bytes.",
    };
}
