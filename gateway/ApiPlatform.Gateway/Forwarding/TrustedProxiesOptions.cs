namespace ApiPlatform.Gateway.Forwarding;

/// <summary>
/// The proxies in front of the gateway whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> it believes (section
/// <c>Gateway:TrustedProxies</c>). Empty (the default), no forwarded header is believed: the client is the peer of the
/// connection, so a caller cannot pick its own address for the per-address limits.
/// </summary>
public sealed class TrustedProxiesOptions
{
    public const string Section = "Gateway:TrustedProxies";

    /// <summary>Addresses of the proxies (e.g. an ingress controller's pod or load balancer address).</summary>
    public List<string> Addresses { get; init; } = [];

    /// <summary>Networks of the proxies in CIDR notation (e.g. a cluster's pod network, <c>10.0.0.0/8</c>).</summary>
    public List<string> Networks { get; init; } = [];

    /// <summary>How many proxies deep the chain of forwarded addresses is read, from the nearest.</summary>
    public int ForwardLimit { get; init; } = 1;

    public bool Any => Addresses.Count > 0 || Networks.Count > 0;
}
