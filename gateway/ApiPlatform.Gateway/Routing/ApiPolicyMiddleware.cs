using System.Diagnostics;
using System.Security.Claims;
using ApiPlatform.Gateway.Audit;
using ApiPlatform.Gateway.Hardening;
using ApiPlatform.Gateway.Lifecycle;
using ApiPlatform.Gateway.RateLimiting;
using ApiPlatform.Gateway.Usage;
using ApiPlatform.ServiceDefaults.Auth;
using ApiPlatform.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Authentication;

namespace ApiPlatform.Gateway.Routing;

/// <summary>
/// Every policy of an API route in one pass, right after routing: body limit (413), authentication (401, challenged
/// as JwtBearer does), the API's scope (403), version and lifecycle (404, 410, deprecation headers), the consumer's
/// plan (429) and usage; then the route's proxy pipeline (idempotency, forwarding); and one traffic audit record
/// whatever the outcome. A token validated before is read from <see cref="TokenValidationCache"/>; any other goes
/// through ASP.NET Core's authentication (JwtBearer), which validates it and fills the cache. Other endpoints take the
/// standard authentication and authorization middleware. API routes keep their scope policy as endpoint metadata, so a
/// pipeline without this middleware still refuses callers without the scope.
/// </summary>
internal sealed class ApiPolicyMiddleware(
    RequestDelegate next, TokenValidationCache tokens, GatewayRateLimiter limiter, ClientPlans plans, UsageRecorder usage,
    TrafficAuditLog audit, TimeProvider time)
{
    public Task InvokeAsync(HttpContext context) =>
        context.GetEndpoint() is { RequestDelegate: { } endpoint } routed && routed.Metadata.GetMetadata<ApiRoutePolicy>() is { } route
            ? EnforceAsync(context, endpoint, route)
            : next(context);

    private async Task EnforceAsync(HttpContext context, RequestDelegate endpoint, ApiRoutePolicy route)
    {
        var started = Stopwatch.GetTimestamp();
        var now = time.GetUtcNow();
        int? major = VersionSegment.TryParse(context.Request.Path, route.Lifecycle.PathPrefix.Length, out var parsed) ? parsed : null;
        Caller caller = default;
        int? failedWith = null;
        try
        {
            if (BodyLimit.Apply(context, route) is { } tooLarge)
            {
                await GatewayProblems.WriteAsync(context, tooLarge);
                return;
            }

            var user = tokens.FindBearer(context.Request.Headers.Authorization.ToString());
            if (user is null)
            {
                // Not seen before (or not a bearer token at all): JwtBearer validates it and caches what it accepts.
                var result = await context.AuthenticateAsync();
                if (!result.Succeeded)
                {
                    await context.ChallengeAsync();
                    return;
                }
                user = result.Principal;
            }
            context.User = user;
            caller = new Caller(user.GetClientId(), user.GetTenant());

            // A caller without the API's scope learns nothing about its versions.
            if (!user.HasScope(route.Lifecycle.Scope))
            {
                await context.ForbidAsync();
                return;
            }
            if (LifecycleCheck.Check(context, route.Lifecycle, major, now) is { } notServed)
            {
                await GatewayProblems.WriteAsync(context, notServed);
                return;
            }
            if (caller.ClientId is { } client && !await AdmitAsync(context, route, client, user, major!.Value))
            {
                return;
            }

            await endpoint(context);
        }
        catch (Exception ex)
        {
            failedWith = TrafficRecord.StatusOf(ex);
            throw;
        }
        finally
        {
            if (audit.Recording)
            {
                audit.Record(new TrafficRecord(now, caller.ClientId, caller.Tenant, route.Api, major is { } m ? VersionSegment.Name(m) : null,
                    context.Request.Method, context.Request.Path.Value, failedWith ?? context.Response.StatusCode,
                    Stopwatch.GetElapsedTime(started).TotalMilliseconds, Correlation.Get(context)));
            }
        }
    }

    /// <summary>Spends one request of the consumer's plan (429 when it is spent) and counts the consumer's usage.</summary>
    private async ValueTask<bool> AdmitAsync(HttpContext context, ApiRoutePolicy route, string client, ClaimsPrincipal user, int major)
    {
        var policy = route.PolicyFor(plans.PlanOf(client, user));
        var decision = await limiter.AcquireAsync(route.Api, client, policy);
        GatewayRequest.Of(context)?.SetRateLimit(policy, decision.Remaining);
        if (!decision.Admitted)
        {
            await RateLimitErrors.WriteTooManyRequestsAsync(context, decision,
                $"The {policy.Plan} plan allows {policy.Requests} requests per {policy.WindowSeconds} s on the {route.Api} API", policy.Plan);
            return false;
        }

        usage.Record(new UsageKey(route.Api, major, client));
        return true;
    }

    /// <summary>Who called, for the audit record: known once the caller is authenticated.</summary>
    private readonly record struct Caller(string? ClientId, string? Tenant);
}
