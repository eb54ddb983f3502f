using System.Net;
using System.Net.Sockets;
using ApiPlatform.Gateway.RateLimiting;
using ApiPlatform.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Gateway.Routing;

/// <summary>
/// A body limit (413) and a rate limit per source address on the token server's <c>/connect/*</c> endpoints (429 with Retry-After, shared
/// across replicas like the plans), so client secrets cannot be guessed through the edge; sign-in form posts (passwords)
/// have a tighter limit of their own. Discovery and JWKS
/// (<c>/.well-known/*</c>) are not limited. Every other route pays one comparison of its route id.
/// </summary>
internal sealed class TokenEndpointLimitMiddleware
{
    private const string Bucket = "token-endpoint";
    private const string SignInBucket = "sign-in";
    private const string SignInPath = "/connect/signin";
    private readonly RequestDelegate next;
    private readonly GatewayRateLimiter limiter;
    private readonly RateLimitPolicy policy;
    private readonly RateLimitPolicy signInPolicy;
    private readonly string refusal;
    private readonly string signInRefusal;
    private readonly long bodyLimit;

    public TokenEndpointLimitMiddleware(RequestDelegate next, IOptions<TokenEndpointOptions> options, IOptions<GatewayOptions> gateway,
        IOptions<RateLimitingOptions> limiting, GatewayRateLimiter limiter)
    {
        this.next = next;
        this.limiter = limiter;
        var limit = options.Value.RateLimit;
        policy = new RateLimitPolicy(Bucket, limit.Requests, limit.WindowSeconds, limit.Burst, gateway.Value.ReplicaCount, limiting.Value.MaxBatch);
        bodyLimit = options.Value.BodyLimitBytes;
        refusal = $"The token endpoint allows {limit.Requests} requests per {limit.WindowSeconds} s from one address";
        var signIn = options.Value.SignInLimit;
        signInPolicy = new RateLimitPolicy(SignInBucket, signIn.Requests, signIn.WindowSeconds, signIn.Burst, gateway.Value.ReplicaCount, limiting.Value.MaxBatch);
        signInRefusal = $"Sign-in allows {signIn.Requests} attempts per {signIn.WindowSeconds} s from one address";
    }

    public Task InvokeAsync(HttpContext context) =>
        string.Equals(context.GetReverseProxyFeature().Route.Config.RouteId, GatewayRoutes.ConnectRouteId, StringComparison.Ordinal)
            ? AdmitAsync(context)
            : next(context);

    private async Task AdmitAsync(HttpContext context)
    {
        if (context.Request.ContentLength > bodyLimit)
        {
            await GatewayProblems.WriteAsync(context, new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Type = ProblemTypes.PayloadTooLarge,
                Title = "Request body too large",
                Detail = $"The token endpoint accepts request bodies of at most {bodyLimit} bytes.",
            });
            return;
        }
        // A chunked body is cut off at the limit; the proxy's error mapping answers that with 413 as well.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = bodyLimit;
        }
        var source = SourceOf(context.Connection.RemoteIpAddress);
        var decision = await limiter.AcquireAsync(Bucket, source, policy);
        if (!decision.Admitted)
        {
            await RateLimitErrors.WriteTooManyRequestsAsync(context, decision, refusal);
            return;
        }
        // Every sign-in post is a password guess, whichever account it names.
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals(SignInPath, StringComparison.OrdinalIgnoreCase))
        {
            var signIn = await limiter.AcquireAsync(SignInBucket, source, signInPolicy);
            if (!signIn.Admitted)
            {
                await RateLimitErrors.WriteTooManyRequestsAsync(context, signIn, signInRefusal);
                return;
            }
        }
        await next(context);
    }

    /// <summary>The address, or for IPv6 its /64: one host usually holds a whole /64 and could rotate through it.</summary>
    private static string SourceOf(IPAddress? address)
    {
        if (address is null)
        {
            return "ip:unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            return $"ip:{address.MapToIPv4()}";
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return $"ip:{address}";
        }
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return $"ip:{new IPAddress(bytes)}/64";
    }
}
