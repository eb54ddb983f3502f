namespace ApiPlatform.Gateway.Audit;

/// <summary>
/// One proxied request as the traffic audit keeps it: who called what, how it ended, never a token or a secret. A
/// webhook delivery has no client; it names the webhook and the address it came from instead. A value: it is written
/// out as a JSON line when the response ends, so no object per request outlives it.
/// </summary>
internal readonly record struct TrafficRecord(
    DateTimeOffset Time, string? ClientId, string? Tenant, string Api, string? Version, string Method, string? Route, int Status,
    double DurationMs, string? CorrelationId)
{
    public string? Webhook { get; init; }
    public string? SourceAddress { get; init; }

    /// <summary>The status a request that failed with <paramref name="error"/> is recorded with (its response is not sent).</summary>
    public static int StatusOf(Exception error) =>
        error is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
}
