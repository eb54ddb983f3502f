namespace ApiPlatform.Contracts.Events;

/// <summary>
/// A vendor answer broke a connector's canonical mapping; the caller got a 502. Names the system API, the connector,
/// the vendor field (or JSON path) and the vendor operation (its path template), never a value of the answer. Each
/// system API publishes it under its own wire name (<c>{system}.connector.mapping-failed.v1</c>).
/// </summary>
public abstract record ConnectorMappingFailed(
    string System,
    string Connector,
    string Field,
    string VendorOperation,
    string? Tenant,
    string? CorrelationId,
    DateTimeOffset FailedAt)
{
    public string Subject => Connector;
}
