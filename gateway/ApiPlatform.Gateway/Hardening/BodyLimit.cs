using ApiPlatform.Gateway.Routing;
using ApiPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace ApiPlatform.Gateway.Hardening;

/// <summary>
/// The catalog's <c>policies.bodyLimitBytes</c> per API: a declared length above it answers 413 at once; a chunked
/// body is cut off by Kestrel at the limit, which the proxy and the idempotency check also answer with 413.
/// </summary>
internal static class BodyLimit
{
    /// <summary>The 413 to answer, or null once the request's body is limited to the API's maximum.</summary>
    public static ProblemDetails? Apply(HttpContext context, ApiRoutePolicy route)
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

    public static ProblemDetails TooLarge(ApiRoutePolicy? route) => new()
    {
        Status = StatusCodes.Status413PayloadTooLarge,
        Type = ProblemTypes.PayloadTooLarge,
        Title = "Request body too large",
        Detail = route is null ? "The request body exceeds the limit of this API." : $"The {route.Api} API accepts request bodies of at most {route.BodyLimitBytes} bytes.",
    };
}
