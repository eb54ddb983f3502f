using ApiPlatform.Gateway.RateLimiting;

namespace ApiPlatform.Gateway.Edge;

/// <summary>
/// What the edge enforces on one proxied route, computed once and attached to the route as endpoint metadata: the
/// pipeline of its kind, the body limit and, for routes limited per source address, that limit.
/// </summary>
internal abstract class EdgeRoute
{
    /// <summary>The pipeline of the route's kind (<see cref="EdgePipelines"/>).</summary>
    public required EdgePipeline Pipeline { get; init; }

    /// <summary>The API the route belongs to, or null for the token server.</summary>
    public abstract string? Api { get; }

    /// <summary>How problems name the upstream ("the crm API", "the token server").</summary>
    public abstract string Upstream { get; }

    public abstract long BodyLimitBytes { get; }

    /// <summary>What the body limit's 413 names ("crm API", "webhook-finance-stripe webhook", "token endpoint").</summary>
    public abstract string BodyLimitSubject { get; }

    /// <summary>The scope a caller needs, for routes that take a token; null for anonymous routes.</summary>
    public virtual string? Scope => null;

    /// <summary>The limit per source address (webhooks, the token endpoint); null when the route has none.</summary>
    public virtual SourceLimit? SourceLimit => null;
}

/// <summary>A rate limit per source address, with the refusal's wording.</summary>
internal sealed record SourceLimit(string Bucket, RateLimitPolicy Policy, string Refusal);
