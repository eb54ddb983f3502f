using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ApiPlatform.ServiceDefaults.Telemetry;

/// <summary>
/// Echoes the caller's <c>X-Correlation-Id</c> (or makes one from the trace id) on the response,
/// in the log scope and on the current activity, so one business transaction can be followed across tiers.
/// </summary>
public sealed class CorrelationMiddleware(RequestDelegate next, ILogger<CorrelationMiddleware> logger, IOptions<ServiceOptions> service)
{
    private readonly bool logScope = service.Value.CorrelationLogScope;

    public Task InvokeAsync(HttpContext context)
    {
        var correlationId = Correlation.Begin(context);
        return logScope ? InScopeAsync(context, correlationId) : next(context);
    }

    private async Task InScopeAsync(HttpContext context, string correlationId)
    {
        using (logger.BeginScope(new CorrelationScope(correlationId)))
        {
            await next(context);
        }
    }
}
