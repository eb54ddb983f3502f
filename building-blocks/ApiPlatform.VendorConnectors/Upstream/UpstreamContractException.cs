namespace ApiPlatform.VendorConnectors.Upstream;

/// <summary>
/// A system of record answered something the connector will not accept (schema, range, size, redirect).
/// <see cref="Field"/> names the vendor field that broke the canonical mapping, when one did; an answer refused for its
/// transport (too large, redirected elsewhere) is <see cref="Transport"/> and no mapping failure.
/// </summary>
public sealed class UpstreamContractException(string detail, string? field = null) : Exception(detail)
{
    public string? Field { get; } = field;

    public bool Transport { get; init; }
}
