namespace ApiPlatform.Catalog;

/// <summary>
/// A vendor's callback into an API (e.g. Stripe's events): the gateway forwards a POST to <see cref="Path"/> unchanged,
/// at the same path, to the API's upstream, without asking for a token; the upstream authenticates the call itself.
/// </summary>
public sealed class WebhookDefinition
{
    public const string SignatureAuthentication = "signature";

    public string Name { get; set; } = "";

    /// <summary>The public path at the gateway and the upstream, under <c>/webhooks/</c>; segments may be parameters (<c>{tenant}</c>).</summary>
    public string Path { get; set; } = "";

    /// <summary><c>signature</c>: the upstream verifies the vendor's signature of the raw body, so the gateway needs no token.</summary>
    public string Authentication { get; set; } = "";

    public long BodyLimitBytes { get; set; } = 524_288;

    /// <summary>Requests per source address: the vendor has no client id to count by.</summary>
    public PlanLimit RateLimit { get; set; } = new() { Requests = 100, WindowSeconds = 1 };
}
