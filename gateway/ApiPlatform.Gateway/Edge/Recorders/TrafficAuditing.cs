using System.Diagnostics;
using ApiPlatform.Gateway.Audit;
using ApiPlatform.Gateway.Hardening;
using ApiPlatform.Gateway.Lifecycle;
using ApiPlatform.ServiceDefaults.Telemetry;

namespace ApiPlatform.Gateway.Edge.Recorders;

/// <summary>
/// One traffic audit record per request whatever the outcome: who called which API version, the status and the
/// duration; for a webhook the webhook and the source address instead of a caller.
/// </summary>
internal sealed partial class TrafficAuditing(TrafficAuditLog audit, ILoggerFactory loggers) : IEdgeRecorder
{
    private readonly ILogger logger = loggers.CreateLogger(TrafficAuditLog.Category);

    public void Record(GatewayRequest request, int status)
    {
        if (!audit.Recording || request.Route.Api is not { } api)
        {
            return;
        }
        var context = request.Context;
        var record = new TrafficRecord(request.Now, request.ClientId, request.Tenant, api,
            request.Major is { } major ? VersionSegment.Name(major) : null, context.Request.Method, context.Request.Path.Value, status,
            Stopwatch.GetElapsedTime(request.StartedTimestamp).TotalMilliseconds, Correlation.Get(context));
        if (request.Route is not WebhookRoute webhook)
        {
            audit.Record(record);
            return;
        }

        var source = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        audit.Write(record with { Webhook = webhook.RouteId, SourceAddress = source });
        if (logger.IsEnabled(LogLevel.Information))
        {
            LogWebhook(logger, record.Time, api, webhook.RouteId, source, record.Method, record.Route, status, record.DurationMs,
                record.CorrelationId);
        }
    }

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information,
        Message = "{Method} {Route} on {Api} webhook {Webhook} from {SourceAddress} answered {Status} in {DurationMs:0.0} ms at {Time:O} [{CorrelationId}]")]
    private static partial void LogWebhook(ILogger logger, DateTimeOffset time, string api, string webhook, string sourceAddress,
        string method, string? route, int status, double durationMs, string? correlationId);
}
