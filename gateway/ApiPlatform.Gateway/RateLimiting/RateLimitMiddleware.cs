using ApiPlatform.Gateway.Hardening;
using ApiPlatform.Gateway.Routing;
using ApiPlatform.ServiceDefaults.Auth;

namespace ApiPlatform.Gateway.RateLimiting;

/// <summary>Rate limit per client, plan and API on proxied routes: 429 problem+json with Retry-After when spent.</summary>
internal sealed class RateLimitMiddleware(RequestDelegate next, GatewayRateLimiter limiter, ClientPlans plans)
{
    public Task InvokeAsync(HttpContext context)
    {
        var route = context.GetEndpoint()?.Metadata.GetMetadata<ApiRoutePolicy>();
        if (route is null || context.User.GetClientId() is not { } client)
        {
            return next(context);
        }

        var policy = route.PolicyFor(plans.PlanOf(client, context.User));
        var pending = limiter.AcquireAsync(route.Api, client, policy);
        return pending.IsCompletedSuccessfully
            ? Continue(context, route, policy, pending.Result)
            : AwaitAsync(context, route, policy, pending);
    }

    private async Task AwaitAsync(HttpContext context, ApiRoutePolicy route, RateLimitPolicy policy, ValueTask<RateLimitDecision> pending) =>
        await Continue(context, route, policy, await pending);

    private Task Continue(HttpContext context, ApiRoutePolicy route, RateLimitPolicy policy, RateLimitDecision decision)
    {
        if (GatewayRequest.Of(context) is { } request)
        {
            request.SetRateLimit(policy, decision.Remaining);
        }
        if (decision.Admitted)
        {
            return next(context);
        }

        return RateLimitErrors.WriteTooManyRequestsAsync(context, decision,
            $"The {policy.Plan} plan allows {policy.Requests} requests per {policy.WindowSeconds} s on the {route.Api} API", policy.Plan);
    }
}
