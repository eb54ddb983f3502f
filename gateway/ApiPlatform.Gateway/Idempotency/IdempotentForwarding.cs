using System.Diagnostics;
using System.Globalization;
using ApiPlatform.Contracts;
using ApiPlatform.Gateway.Edge;
using ApiPlatform.Gateway.Hardening;
using ApiPlatform.Gateway.Routing;
using ApiPlatform.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Gateway.Idempotency;

/// <summary>
/// Idempotency keys at the edge (draft-ietf-httpapi-idempotency-key-header) for POST and PATCH on APIs whose catalog
/// policy is <c>optional</c> or <c>required</c>: the first response per client, API and key is stored and replayed.
/// Wraps the forwarding of an API request that passed every step of its edge pipeline.
/// </summary>
internal sealed partial class IdempotentForwarding(
    IIdempotencyStore store, IdempotentExecution execution, IOptions<IdempotencyOptions> options, ILogger<IdempotentForwarding> logger)
    : IEdgeForwarding
{
    private readonly IdempotencyOptions settings = options.Value;

    public Task ForwardAsync(GatewayRequest request, RequestDelegate next)
    {
        var context = request.Context;
        if (request.Route is not ApiRoutePolicy route || route.Idempotency == IdempotencyMode.None
            || !IdempotencyModes.AppliesTo(context.Request.Method))
        {
            return next(context);
        }

        var header = context.Request.Headers[PlatformHeaders.IdempotencyKey];
        if (header.Count == 0)
        {
            return route.Idempotency == IdempotencyMode.Required
                ? GatewayProblems.WriteAsync(context, IdempotencyProblems.Missing(route.Api))
                : next(context);
        }
        return IdempotencyKey.TryParse(header, out var key)
            ? RunOnceAsync(context, next, route, key)
            : GatewayProblems.WriteAsync(context, IdempotencyProblems.Malformed());
    }

    private async Task RunOnceAsync(HttpContext context, RequestDelegate next, ApiRoutePolicy route, string key)
    {
        var body = await RequestBody.BufferAsync(context);
        var fingerprint = RequestFingerprint.Compute(context.Request, body.GetBuffer().AsSpan(0, (int)body.Length));
        var storeKey = $"apiplatform:idempotency:{route.Api}:{context.User.GetClientId()}:{key}";
        // Unique, not secret: a per-thread PRNG instead of Guid.NewGuid's read of the kernel's random source.
        var owner = ActivityTraceId.CreateRandom().ToHexString();

        IdempotencyClaim claim;
        var claiming = store.TryBeginAsync(storeKey, fingerprint, owner, route.InFlightLifetime);
        try
        {
            claim = await claiming.WaitAsync(settings.StoreTimeout);
        }
        catch (Exception ex)
        {
            // A claim that lands after the caller was told 503 would hold the key until it expires, answering the
            // caller's retry 409: free it as soon as it lands.
            _ = ReleaseLateClaimAsync(claiming, storeKey, owner);
            LogStoreUnavailable(logger, ex, route.Api);
            context.Response.Headers.RetryAfter = settings.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            await GatewayProblems.WriteAsync(context, IdempotencyProblems.StoreUnavailable());
            return;
        }

        switch (claim.Outcome)
        {
            case IdempotencyOutcome.Acquired:
                await execution.RunAndStoreAsync(context, next, storeKey, owner);
                break;
            case IdempotencyOutcome.Completed:
                await IdempotentExecution.ReplayAsync(context, claim.Response!);
                break;
            case IdempotencyOutcome.InFlight:
                context.Response.Headers.RetryAfter = "1";
                await GatewayProblems.WriteAsync(context, IdempotencyProblems.InFlight());
                break;
            default:
                await GatewayProblems.WriteAsync(context, IdempotencyProblems.Reused());
                break;
        }
    }

    private async Task ReleaseLateClaimAsync(Task<IdempotencyClaim> claiming, string storeKey, string owner)
    {
        try
        {
            if ((await claiming).Outcome == IdempotencyOutcome.Acquired)
            {
                await store.ReleaseAsync(storeKey, owner).WaitAsync(settings.StoreTimeout);
            }
        }
        catch (Exception ex)
        {
            // The in-flight record expires by itself; until then repeats of the key answer 409.
            LogLateClaimNotReleased(logger, ex, storeKey);
        }
    }

    [LoggerMessage(EventId = 5203, Level = LogLevel.Warning, Message = "Idempotency claim {Key} landed after its request was refused and could not be freed")]
    private static partial void LogLateClaimNotReleased(ILogger logger, Exception error, string key);

    [LoggerMessage(EventId = 5201, Level = LogLevel.Warning, Message = "Idempotency store unreachable; request to the {Api} API refused with 503")]
    private static partial void LogStoreUnavailable(ILogger logger, Exception error, string api);

}
