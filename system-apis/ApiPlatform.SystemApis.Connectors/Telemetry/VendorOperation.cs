using Refit;

namespace ApiPlatform.SystemApis.Connectors.Telemetry;

/// <summary>
/// The vendor operation a <c>VendorCall</c> is running, as the connector's Refit client declares it
/// (<c>GET /services/data/v{version}/query</c>): a template, so no id or query value of the request is kept.
/// </summary>
internal sealed class VendorOperation
{
    private static readonly AsyncLocal<VendorOperation?> current = new();
    private static readonly HttpRequestOptionsKey<RestMethodInfo> RestMethod = new(HttpRequestMessageOptions.RestMethodInfo);

    public string Name { get; private set; } = "(none)";

    /// <summary>
    /// Starts tracking for one vendor call (the async caller's own flow gets it back unset when the call returns); a
    /// call inside another shares the outer one's tracker.
    /// </summary>
    public static VendorOperation Begin() => current.Value ??= new VendorOperation();

    /// <summary>Called by the vendor client's handler as each request leaves, so the last one is what failed.</summary>
    public static void Sent(HttpRequestMessage request)
    {
        if (current.Value is not { } tracker)
        {
            return;
        }
        var template = request.Options.TryGetValue(RestMethod, out var method) ? method.RelativePath : request.RequestUri?.AbsolutePath;
        var path = template?.Split('?', 2)[0] ?? "";
        tracker.Name = $"{request.Method.Method} {path}";
    }
}
