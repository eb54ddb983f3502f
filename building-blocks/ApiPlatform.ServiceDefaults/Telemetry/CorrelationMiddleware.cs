using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ApiPlatform.ServiceDefaults.Telemetry;

/// <summary>
/// Echoes the caller's <c>X-Correlation-Id</c> (or makes one from the trace id) on the response,
/// in the log scope and on the current activity, so one business transaction can be followed across tiers.
/// </summary>
public sealed class CorrelationMiddleware(RequestDelegate next, ILogger<CorrelationMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var correlationId = Correlation.FromRequest(context);
        context.Items[Correlation.ItemKey] = correlationId;
        context.Response.Headers[Correlation.HeaderName] = correlationId;
        Activity.Current?.SetTag("correlation.id", correlationId);
        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = correlationId }))
        {
            await next(context);
        }
    }
}
