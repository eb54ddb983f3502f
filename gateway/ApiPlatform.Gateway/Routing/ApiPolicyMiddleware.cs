using System.Diagnostics;
using System.Security.Claims;
using ApiPlatform.Gateway.Audit;
using ApiPlatform.Gateway.Hardening;
using ApiPlatform.Gateway.Lifecycle;
using ApiPlatform.Gateway.RateLimiting;
using ApiPlatform.Gateway.Slo;
using ApiPlatform.Gateway.Usage;
using ApiPlatform.ServiceDefaults.Auth;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Authentication;

namespace ApiPlatform.Gateway.Routing;

/// <summary>
/// Every policy of an API route in one pass, right after routing and ahead of the shared middleware: correlation,
/// a method the gateway forwards (405), body limit (413), authentication (401, challenged as JwtBearer does), the API's scope (403), version and lifecycle
/// (404, 410, deprecation headers), the consumer's plan (429) and usage; then the route's proxy pipeline (idempotency,
/// forwarding), forwarding failures as problem+json (502, 503, 504); error statuses without a body and exceptions
/// answered as the shared problem details would (<see cref="ProblemResponses"/>); the SLO measurement of an admitted
/// request (its status and duration); and one traffic audit record whatever the outcome. A token validated before is read from <see cref="TokenValidationCache"/>; any other goes
/// through ASP.NET Core's authentication (JwtBearer), which validates it and fills the cache. Other endpoints go on to
/// the shared pipeline (problem details, correlation, authentication and authorization). API routes keep their scope
/// policy as endpoint metadata, so a pipeline without this middleware still refuses callers without the scope.
/// </summary>
internal sealed class ApiPolicyMiddleware(
    RequestDelegate next, TokenValidationCache tokens, GatewayRateLimiter limiter, ClientPlans plans, UsageRecorder usage,
    SloRecorder slo, TrafficAuditLog audit, TimeProvider time)
{
    public Task InvokeAsync(HttpContext context) =>
        context.GetEndpoint() is { RequestDelegate: { } endpoint } routed && routed.Metadata.GetMetadata<ApiRoutePolicy>() is { } route
            ? EnforceAsync(context, endpoint, route)
            : next(context);

    private async Task EnforceAsync(HttpContext context, RequestDelegate endpoint, ApiRoutePolicy route)
    {
        var started = Stopwatch.GetTimestamp();
        var now = time.GetUtcNow();
        Correlation.Begin(context);
        int? major = VersionSegment.TryParse(context.Request.Path, route.Lifecycle.PathPrefix.Length, out var parsed) ? parsed : null;
        Admission admission = default;
        int? failedWith = null;
        try
        {
            admission = await AdmitAsync(context, route, major, now);
            if (admission.Admitted)
            {
                await endpoint(context);
                await ProxyErrors.AnswerFailureAsync(context, route.Lifecycle);
            }
            if (ProblemResponses.LacksBody(context.Response))
            {
                await ProblemResponses.WriteForStatusAsync(context);
            }
        }
        catch (Exception ex)
        {
            if (!await ProblemResponses.TryWriteForExceptionAsync(context, ex))
            {
                failedWith = TrafficRecord.StatusOf(ex);
                throw;
            }
        }
        finally
        {
            var status = failedWith ?? context.Response.StatusCode;
            if (admission.Admitted && major is { } measured)
            {
                slo.Record(route.Api, measured, status, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            if (audit.Recording)
            {
                audit.Record(new TrafficRecord(now, admission.ClientId, admission.Tenant, route.Api, major is { } m ? VersionSegment.Name(m) : null,
                    context.Request.Method, context.Request.Path.Value, status,
                    Stopwatch.GetElapsedTime(started).TotalMilliseconds, Correlation.Get(context)));
            }
        }
    }

    /// <summary>
    /// The policies before the upstream, in order; a refusal is answered here. Completes synchronously for a cached
    /// token and a plan with budget at hand, so it costs no allocation then.
    /// </summary>
    private async ValueTask<Admission> AdmitAsync(HttpContext context, ApiRoutePolicy route, int? major, DateTimeOffset now)
    {
        if (!ForwardableMethods.IsForwardable(context.Request.Method))
        {
            await ForwardableMethods.RefuseAsync(context);
            return default;
        }
        if (BodyLimit.Apply(context, route) is { } tooLarge)
        {
            await GatewayProblems.WriteAsync(context, tooLarge);
            return default;
        }

        var user = tokens.FindBearer(context.Request.Headers.Authorization.ToString());
        if (user is null)
        {
            // Not seen before (or not a bearer token at all): JwtBearer validates it and caches what it accepts.
            var result = await context.AuthenticateAsync();
            if (!result.Succeeded)
            {
                await context.ChallengeAsync();
                return default;
            }
            user = result.Principal;
        }
        context.User = user;
        var caller = new Admission(false, user.GetClientId(), user.GetTenant());

        // A caller without the API's scope learns nothing about its versions.
        if (!user.HasScope(route.Lifecycle.Scope))
        {
            await context.ForbidAsync();
            return caller;
        }
        if (LifecycleCheck.Check(context, route.Lifecycle, major, now) is { } notServed)
        {
            await GatewayProblems.WriteAsync(context, notServed);
            return caller;
        }
        if (caller.ClientId is { } client && !await LimitAsync(context, route, client, user, major!.Value))
        {
            return caller;
        }
        return caller with { Admitted = true };
    }

    /// <summary>Spends one request of the consumer's plan (429 when it is spent) and counts the consumer's usage.</summary>
    private async ValueTask<bool> LimitAsync(HttpContext context, ApiRoutePolicy route, string client, ClaimsPrincipal user, int major)
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

    /// <summary>Whether the request may go upstream, and who called (for the audit record) once that is known.</summary>
    private readonly record struct Admission(bool Admitted, string? ClientId, string? Tenant);
}
