using ApiPlatform.Gateway.Hardening;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Gateway.Idempotency;

/// <summary>
/// Runs the request that holds a key and stores its response before the client gets it, or frees the key when the
/// response must not be replayed; replays a stored response marked <c>Idempotent-Replayed: true</c>.
/// </summary>
internal sealed partial class IdempotentExecution(IIdempotencyStore store, IOptions<IdempotencyOptions> options, ILogger<IdempotentExecution> logger)
{
    private readonly IdempotencyOptions settings = options.Value;

    public async Task RunAndStoreAsync(HttpContext context, RequestDelegate next, string storeKey, string owner)
    {
        var original = context.Response.Body;
        await using var capture = new ResponseCapture(original, settings.MaxResponseBytes);
        context.Response.Body = capture;
        var stored = false;
        try
        {
            await next(context);
            // A 5xx or a response too large to keep is not replayed: the key is freed so the caller may retry.
            if (context.Response.StatusCode < 500 && !capture.Overflowed)
            {
                var response = new StoredResponse(context.Response.StatusCode, StoredHeaders.From(context.Response.Headers), capture.Captured);
                stored = await TryAsync(store.CompleteAsync(storeKey, owner, response, settings.RecordLifetime), storeKey);
            }
        }
        finally
        {
            context.Response.Body = original;
            if (!stored)
            {
                await TryAsync(store.ReleaseAsync(storeKey, owner), storeKey);
            }
        }
        await capture.ReleaseAsync(context.RequestAborted);
    }

    public static async Task ReplayAsync(HttpContext context, StoredResponse response)
    {
        GatewayRequest.Of(context)?.Proxied = true;
        context.Response.StatusCode = response.Status;
        StoredHeaders.CopyTo(response.Headers, context.Response.Headers);
        context.Response.Headers[IdempotencyKey.ReplayedHeader] = "true";
        context.Response.ContentLength = response.Body.Length;
        await context.Response.Body.WriteAsync(response.Body, context.RequestAborted);
    }

    private async Task<bool> TryAsync(Task operation, string storeKey)
    {
        try
        {
            await operation.WaitAsync(settings.StoreTimeout);
            return true;
        }
        catch (Exception ex)
        {
            // The in-flight record expires by itself; until then repeats of the key answer 409.
            LogStoreWriteFailed(logger, ex, storeKey);
            return false;
        }
    }

    [LoggerMessage(EventId = 5202, Level = LogLevel.Warning, Message = "Idempotency record {Key} could not be written")]
    private static partial void LogStoreWriteFailed(ILogger logger, Exception error, string key);
}
