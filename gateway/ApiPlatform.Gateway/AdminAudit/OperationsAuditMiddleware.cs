using System.Text.Json;
using ApiPlatform.Gateway.Routing;

namespace ApiPlatform.Gateway.AdminAudit;

/// <summary>
/// Records every successful change made through a service's operations routes (dead-letter replay and discard, workflow
/// retry and cancel) in the admin audit, with the caller from the token and the request's reason and particulars from
/// its JSON body. Reads pass through untouched; so does every other route, after one metadata lookup.
/// </summary>
internal sealed class OperationsAuditMiddleware(RequestDelegate next, ILogger<OperationsAuditMiddleware> logger)
{
    private const int MaxBodyBytes = 16_384;

    public Task InvokeAsync(HttpContext context)
    {
        var metadata = context.GetReverseProxyFeature().Route.Config.Metadata;
        if (metadata?.GetValueOrDefault(GatewayRoutes.OperationsApiMetadataKey) is not { } api
            || HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method))
        {
            return next(context);
        }
        return AuditAsync(context, api, metadata[GatewayRoutes.PathPrefixMetadataKey]);
    }

    private async Task AuditAsync(HttpContext context, string api, string prefix)
    {
        var body = await ReadJsonBodyAsync(context);
        await next(context);
        if (context.Response.StatusCode is < 200 or >= 300)
        {
            return;
        }

        var path = context.Request.Path.Value![prefix.Length..];
        var (action, target) = OperationsActions.Describe(api, path);
        var reason = body is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty("reason", out var given) && given.ValueKind == JsonValueKind.String
            ? given.GetString()
            : null;
        try
        {
            await context.RequestServices.GetRequiredService<AdminAuditLog>()
                .RecordAsync(context, new AdminAction(action, api, target, reason, body), CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The service has acted and answered; all that is left is to say loudly that the audit missed it.
            logger.LogError(ex, "Admin action {Action} on {Target} by {Actor} succeeded but was not recorded in the admin audit",
                action, target, context.User.Identity?.Name ?? "the caller");
        }
    }

    /// <summary>A small JSON body (sized or chunked), read and rewound so the proxy still forwards it whole.</summary>
    private static async Task<JsonElement?> ReadJsonBodyAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentLength is 0 or > MaxBodyBytes || request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return null;
        }
        request.EnableBuffering(MaxBodyBytes);
        try
        {
            var buffer = new byte[MaxBodyBytes + 1];
            var length = 0;
            int read;
            while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), context.RequestAborted)) > 0)
            {
                length += read;
            }
            if (length is 0 or > MaxBodyBytes)
            {
                return null;
            }
            using var document = JsonDocument.Parse(buffer.AsMemory(0, length));
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
        finally
        {
            request.Body.Position = 0;
        }
    }
}
