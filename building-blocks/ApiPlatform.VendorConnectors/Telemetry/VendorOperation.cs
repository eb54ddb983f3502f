using Refit;

namespace ApiPlatform.VendorConnectors.Telemetry;

/// <summary>
/// The vendor operation a <c>VendorCall</c> is running, as the connector's Refit client declares it
/// (<c>GET /services/data/v{version}/query</c>): a template, so no id or query value of the request is kept.
/// </summary>
internal sealed class VendorOperation
{
    private static readonly AsyncLocal<VendorOperation?> current = new();
    private static readonly HttpRequestOptionsKey<string> PathTemplate = new(HttpRequestMessageOptions.RelativePathTemplate);

    public string Name { get; private set; } = "(none)";

    /// <summary>
    /// Starts tracking for one vendor call, in the flow of the async method that calls this: a call made inside another
    /// (a token fetched while a query is sent) tracks its own operation, and the outer call's is back when it returns.
    /// </summary>
    public static VendorOperation Begin() => current.Value = new VendorOperation();

    /// <summary>Called by the vendor client's handler as each request leaves, so the last one is what failed.</summary>
    public static void Sent(HttpRequestMessage request)
    {
        if (current.Value is not { } tracker)
        {
            return;
        }
        // Refit names the route template of every request it builds; a request built by hand is named by its path.
        var template = request.Options.TryGetValue(PathTemplate, out var declared) ? declared : request.RequestUri?.AbsolutePath;
        var path = template?.Split('?', 2)[0] ?? "";
        tracker.Name = $"{request.Method.Method} {path}";
    }
}
