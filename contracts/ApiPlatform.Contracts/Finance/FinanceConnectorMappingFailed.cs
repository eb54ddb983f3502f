using ApiPlatform.Contracts.Events;

namespace ApiPlatform.Contracts.Finance;

/// <summary>A vendor answer broke the canonical mapping of one of finance's connectors (see <see cref="ConnectorMappingFailed"/>).</summary>
public sealed record FinanceConnectorMappingFailed(
    string System, string Connector, string Field, string VendorOperation, string? Tenant, string? CorrelationId, DateTimeOffset FailedAt)
    : ConnectorMappingFailed(System, Connector, Field, VendorOperation, Tenant, CorrelationId, FailedAt), IIntegrationEvent
{
    public static string EventType => "finance.connector.mapping-failed.v1";
}
