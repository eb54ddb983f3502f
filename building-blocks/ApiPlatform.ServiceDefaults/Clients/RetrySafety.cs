using ApiPlatform.Contracts;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace ApiPlatform.ServiceDefaults.Clients;

/// <summary>
/// The one rule for which calls a client may repeat, used by platform clients (<see cref="ApiClientExtensions"/>) and
/// vendor clients alike: safe methods (GET, HEAD, OPTIONS) and the idempotent PUT and DELETE are retried on a transient
/// outcome; POST and PATCH (RFC 9110 makes neither idempotent) only when they carry an <c>Idempotency-Key</c> or are
/// are marked safe by their client (<see cref="MarkedSafe"/>).
/// </summary>
public static class RetrySafety
{
    /// <summary>
    /// The request option a typed client sets (Refit: <c>[Property(RetrySafety.MarkedSafeOption)]</c>) on a POST or PATCH
    /// that a repeat cannot duplicate: a search that only reads, an upsert by external id.
    /// </summary>
    public const string MarkedSafeOption = "ApiPlatform.RetrySafe";

    public static readonly HttpRequestOptionsKey<bool> MarkedSafe = new(MarkedSafeOption);

    public static bool IsRetrySafe(HttpRequestMessage request) =>
        request.Method == HttpMethod.Get || request.Method == HttpMethod.Head || request.Method == HttpMethod.Options
        || request.Method == HttpMethod.Put || request.Method == HttpMethod.Delete
        || request.Headers.Contains(PlatformHeaders.IdempotencyKey)
        || request.Options.TryGetValue(MarkedSafe, out var marked) && marked;

    /// <summary>Whether this outcome of this call is retried: a transient failure of a retry-safe request.</summary>
    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context) =>
        context.GetRequestMessage() is { } request && IsRetrySafe(request) && HttpClientResiliencePredicates.IsTransient(outcome);
}
