using ApiPlatform.Contracts.Events;

namespace ApiPlatform.Contracts.Erp;

/// <summary>A vendor answer broke the canonical mapping of one of erp's connectors (see <see cref="ConnectorMappingFailed"/>).</summary>
public sealed record ErpConnectorMappingFailed(
    string System, string Connector, string Field, string VendorOperation, string? Tenant, string? CorrelationId, DateTimeOffset FailedAt)
    : ConnectorMappingFailed(System, Connector, Field, VendorOperation, Tenant, CorrelationId, FailedAt), IIntegrationEvent
{
    public static string EventType => "erp.connector.mapping-failed.v1";
}
