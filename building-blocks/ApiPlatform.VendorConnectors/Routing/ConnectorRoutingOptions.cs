namespace ApiPlatform.VendorConnectors.Routing;

/// <summary>
/// Which connector serves each tenant (<c>{Section}:Connectors:{tenant}</c>), and the one that serves every other
/// tenant and callers that name none (<c>{Section}:DefaultConnector</c>, the embedded reference system by default).
/// </summary>
public sealed class ConnectorRoutingOptions
{
    public const string Embedded = "embedded";

    public string DefaultConnector { get; set; } = Embedded;

    public Dictionary<string, string> Connectors { get; set; } = [];

    public string KindFor(string? tenant) =>
        tenant is not null && Connectors.TryGetValue(tenant, out var kind) ? kind : DefaultConnector;

    public bool Uses(string kind) => DefaultConnector == kind || Connectors.Values.Contains(kind);
}
