using ApiPlatform.Contracts.Events;

namespace ApiPlatform.Contracts.Crm;

/// <summary>A vendor answer broke the canonical mapping of one of crm's connectors (see <see cref="ConnectorMappingFailed"/>).</summary>
public sealed record CrmConnectorMappingFailed(
    string System, string Connector, string Field, string VendorOperation, string? Tenant, string? CorrelationId, DateTimeOffset FailedAt)
    : ConnectorMappingFailed(System, Connector, Field, VendorOperation, Tenant, CorrelationId, FailedAt), IIntegrationEvent
{
    public static string EventType => "crm.connector.mapping-failed.v1";
}
