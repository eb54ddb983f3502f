using ApiPlatform.Gateway.Hardening;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Gateway.Idempotency;

/// <summary>
/// Runs the request that holds a key and stores its response, or frees the key when the response must not be replayed;
/// replays a stored response marked <c>Idempotent-Replayed: true</c>. The store's write is sent before the client gets
/// the response but not waited for: on Redis, a retry through this gateway reaches the store after it (one connection,
/// commands in order); one that overtakes it anyway (through another replica) finds the key in flight and is answered
/// 409 with <c>Retry-After</c>, never run twice.
/// </summary>
internal sealed partial class IdempotentExecution(IIdempotencyStore store, IOptions<IdempotencyOptions> options, ILogger<IdempotentExecution> logger)
{
    private readonly IdempotencyOptions settings = options.Value;

    public async Task RunAndStoreAsync(HttpContext context, RequestDelegate next, string storeKey, string owner)
    {
        var original = context.Response.Body;
        await using var capture = new ResponseCapture(original, settings.MaxResponseBytes);
        context.Response.Body = capture;
        Task<bool>? storing = null;
        try
        {
            await next(context);
            // A 5xx or a response too large to keep is not replayed: the key is freed so the caller may retry.
            if (context.Response.StatusCode < 500 && !capture.Overflowed)
            {
                var response = new StoredResponse(context.Response.StatusCode, StoredHeaders.From(context.Response.Headers), capture.Captured);
                storing = TryAsync(store.CompleteAsync(storeKey, owner, response, settings.RecordLifetime), storeKey);
            }
        }
        finally
        {
            context.Response.Body = original;
            if (storing is null)
            {
                await TryAsync(store.ReleaseAsync(storeKey, owner), storeKey);
            }
        }

        if (storing is null)
        {
            await capture.ReleaseAsync(context.RequestAborted);
            return;
        }
        try
        {
            await capture.ReleaseAsync(context.RequestAborted);
            if (!storing.IsCompleted)
            {
                // The client has its whole answer now, not after the store's round trip.
                await context.Response.CompleteAsync();
            }
        }
        finally
        {
            if (!await storing)
            {
                // Not stored: free the key so the caller may retry rather than wait out the in-flight record.
                await TryAsync(store.ReleaseAsync(storeKey, owner), storeKey);
            }
        }
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
