using System.Diagnostics;
using ApiPlatform.Gateway.Lifecycle;
using ApiPlatform.ServiceDefaults.Auth;
using ApiPlatform.ServiceDefaults.Telemetry;

namespace ApiPlatform.Gateway.Audit;

/// <summary>
/// One structured audit record per request to an API route, whatever its outcome (401, 429, 502 as much as 200),
/// written once the response status is known to the audit's own output and under the log category
/// <see cref="Category"/>. It names the caller by client id and tenant only: never a header, a query string or a token.
/// </summary>
internal sealed partial class TrafficAuditMiddleware(RequestDelegate next, TimeProvider time, TrafficAuditLog audit, ILoggerFactory loggers)
{
    public const string Category = "ApiPlatform.Gateway.Audit";
    private readonly ILogger logger = loggers.CreateLogger(Category);

    public Task InvokeAsync(HttpContext context)
    {
        // Read before the exception handler, which clears the endpoint, can run.
        var api = context.GetEndpoint()?.Metadata.GetMetadata<ApiLifecycle>();
        return api is null || (!audit.Enabled && !logger.IsEnabled(LogLevel.Information)) ? next(context) : AuditAsync(context, api);
    }

    private async Task AuditAsync(HttpContext context, ApiLifecycle api)
    {
        var started = Stopwatch.GetTimestamp();
        var at = time.GetUtcNow();
        int? failedWith = null;
        try
        {
            await next(context);
        }
        catch (Exception ex)
        {
            failedWith = ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
            throw;
        }
        finally
        {
            var record = new TrafficRecord(at, context.User.GetClientId(), context.User.GetTenant(), api.Name,
                VersionSegment.TryParse(context.Request.Path, api.PathPrefix.Length, out var major) ? VersionSegment.Name(major) : null,
                context.Request.Method, context.Request.Path.Value, failedWith ?? context.Response.StatusCode,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds, Correlation.Get(context));
            audit.Write(record);
            if (logger.IsEnabled(LogLevel.Information))
            {
                LogRequest(logger, record.Time, record.ClientId, record.Tenant, record.Api, record.Version, record.Method, record.Route,
                    record.Status, record.DurationMs, record.CorrelationId);
            }
        }
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information,
        Message = "{Method} {Route} on {Api} {Version} by {ClientId} (tenant {Tenant}) answered {Status} in {DurationMs:0.0} ms at {Time:O} [{CorrelationId}]")]
    private static partial void LogRequest(ILogger logger, DateTimeOffset time, string? clientId, string? tenant, string api, string? version,
        string method, string? route, int status, double durationMs, string? correlationId);
}
