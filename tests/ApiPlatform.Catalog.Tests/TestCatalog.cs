namespace ApiPlatform.Catalog.Tests;

/// <summary>A catalog folder written by a test, starting from one valid API and one valid consumer.</summary>
internal sealed class TestCatalog : IDisposable
{
    public const string ValidApi = """
        name: orders
        title: Orders API
        tier: system
        owner:
          team: order-team
          contact: orders@example.com
        description: Orders.
        upstream: http://orders:8080
        scopes: [system:orders]
        slo:
          availability: 99.9
          latencyP99Ms: 200
        versions:
          - major: 1
            status: deprecated
            deprecatedAt: 2026-01-01T00:00:00Z
            sunsetAt: 2026-06-01T00:00:00Z
            successor: 2
          - major: 2
            status: active
        policies:
          idempotency: required
          bodyLimitBytes: 1024
          timeoutSeconds: 5
        """;

    public const string ValidConsumers = """
        consumers:
          - clientId: partner-one
            displayName: Partner one
            kind: partner
            tenant: one
            plan: standard
            subscriptions: [orders]
        """;

    public TestCatalog(string api = ValidApi, string consumers = ValidConsumers, string fileName = "orders.yaml")
    {
        Directory.CreateDirectory(System.IO.Path.Combine(Path, "apis"));
        File.WriteAllText(System.IO.Path.Combine(Path, "apis", fileName), api);
        File.WriteAllText(System.IO.Path.Combine(Path, "consumers.yaml"), consumers);
    }

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "catalog-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
