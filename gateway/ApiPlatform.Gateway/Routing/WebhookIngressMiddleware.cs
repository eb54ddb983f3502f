using System.Collections.Frozen;
using System.Diagnostics;
using ApiPlatform.Catalog;
using ApiPlatform.Gateway.Audit;
using ApiPlatform.Gateway.RateLimiting;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Model;

namespace ApiPlatform.Gateway.Routing;

/// <summary>
/// The edge policies of webhook routes (<see cref="WebhookRoutes"/>), first in the proxy pipeline: the webhook's body
/// limit (413), a rate limit per source address (429 with Retry-After, shared across replicas like the plans) and one
/// audit record per request, as for other proxied traffic. The body is streamed upstream untouched.
/// </summary>
internal sealed partial class WebhookIngressMiddleware
{
    private readonly RequestDelegate next;
    private readonly GatewayRateLimiter limiter;
    private readonly TimeProvider time;
    private readonly TrafficAuditLog audit;
    private readonly ILogger auditLogger;
    private readonly FrozenDictionary<string, Webhook> webhooks;

    public WebhookIngressMiddleware(
        RequestDelegate next, ApiCatalog catalog, IOptions<GatewayOptions> gateway, IOptions<RateLimitingOptions> limiting,
        GatewayRateLimiter limiter, TimeProvider time, TrafficAuditLog audit, ILoggerFactory loggers)
    {
        this.next = next;
        this.limiter = limiter;
        this.time = time;
        this.audit = audit;
        auditLogger = loggers.CreateLogger(TrafficAuditLog.Category);
        webhooks = catalog.Apis.SelectMany(api => api.Webhooks.Select(webhook => new Webhook(
                api.Name, WebhookRoutes.RouteId(api, webhook), webhook.BodyLimitBytes,
                new RateLimitPolicy("webhook", webhook.RateLimit.Requests, webhook.RateLimit.WindowSeconds, webhook.RateLimit.Burst,
                    gateway.Value.ReplicaCount, limiting.Value.MaxBatch))))
            .ToFrozenDictionary(w => w.RouteId, StringComparer.Ordinal);
    }

    public Task InvokeAsync(HttpContext context) =>
        context.GetReverseProxyFeature().Route.Config.Metadata?.GetValueOrDefault(WebhookRoutes.MetadataKey) is { } id
            && webhooks.TryGetValue(id, out var webhook)
                ? AdmitAsync(context, webhook)
                : next(context);

    private async Task AdmitAsync(HttpContext context, Webhook webhook)
    {
        var started = Stopwatch.GetTimestamp();
        var at = time.GetUtcNow();
        var source = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        int? failedWith = null;
        try
        {
            if (context.Request.ContentLength > webhook.BodyLimitBytes)
            {
                await GatewayProblems.WriteAsync(context, new ProblemDetails
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Type = ProblemTypes.PayloadTooLarge,
                    Title = "Request body too large",
                    Detail = $"The {webhook.RouteId} webhook accepts bodies of at most {webhook.BodyLimitBytes} bytes.",
                });
                return;
            }
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = webhook.BodyLimitBytes;
            }

            var decision = await limiter.AcquireAsync(webhook.RouteId, $"ip:{source}", webhook.RateLimit);
            if (!decision.Admitted)
            {
                await RateLimitErrors.WriteTooManyRequestsAsync(context, decision,
                    $"The {webhook.RouteId} webhook allows {webhook.RateLimit.Requests} requests per {webhook.RateLimit.WindowSeconds} s from one address");
                return;
            }
            await next(context);
        }
        catch (Exception ex)
        {
            failedWith = TrafficRecord.StatusOf(ex);
            throw;
        }
        finally
        {
            var record = new TrafficRecord(at, null, null, webhook.Api, null, context.Request.Method, context.Request.Path.Value,
                failedWith ?? context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds, Correlation.Get(context))
            {
                Webhook = webhook.RouteId,
                SourceAddress = source,
            };
            audit.Write(record);
            if (auditLogger.IsEnabled(LogLevel.Information))
            {
                LogWebhook(auditLogger, at, webhook.Api, webhook.RouteId, source, record.Method, record.Route, record.Status, record.DurationMs,
                    record.CorrelationId);
            }
        }
    }

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information,
        Message = "{Method} {Route} on {Api} webhook {Webhook} from {SourceAddress} answered {Status} in {DurationMs:0.0} ms at {Time:O} [{CorrelationId}]")]
    private static partial void LogWebhook(ILogger logger, DateTimeOffset time, string api, string webhook, string sourceAddress,
        string method, string? route, int status, double durationMs, string? correlationId);

    private sealed record Webhook(string Api, string RouteId, long BodyLimitBytes, RateLimitPolicy RateLimit);
}
