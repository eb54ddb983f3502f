using ApiPlatform.Gateway.RateLimiting;
using ApiPlatform.Gateway.Routing;

namespace ApiPlatform.Gateway.Edge;

/// <summary>
/// The token server's <c>/connect/*</c> endpoints: a body limit and a rate limit per source address, so client secrets
/// cannot be guessed through the edge, and a tighter one of its own for sign-in form posts (passwords).
/// </summary>
internal sealed class TokenEndpointRoute : EdgeRoute
{
    public const string SignInPath = "/connect/signin";

    public TokenEndpointRoute(TokenEndpointOptions options, GatewayOptions gateway, RateLimitingOptions limiting)
    {
        BodyLimitBytes = options.BodyLimitBytes;
        var limit = options.RateLimit;
        SourceLimit = new SourceLimit("token-endpoint",
            new RateLimitPolicy("token-endpoint", limit.Requests, limit.WindowSeconds, limit.Burst, gateway.ReplicaCount, limiting.MaxBatch),
            $"The token endpoint allows {limit.Requests} requests per {limit.WindowSeconds} s from one address");
        var signIn = options.SignInLimit;
        SignInLimit = new SourceLimit("sign-in",
            new RateLimitPolicy("sign-in", signIn.Requests, signIn.WindowSeconds, signIn.Burst, gateway.ReplicaCount, limiting.MaxBatch),
            $"Sign-in allows {signIn.Requests} attempts per {signIn.WindowSeconds} s from one address");
    }

    public override string? Api => null;

    public override string Upstream => "token server";

    public override long BodyLimitBytes { get; }

    public override string BodyLimitSubject => "token endpoint";

    public override SourceLimit SourceLimit { get; }

    /// <summary>Every sign-in post is a password guess, whichever account it names.</summary>
    public SourceLimit SignInLimit { get; }
}
