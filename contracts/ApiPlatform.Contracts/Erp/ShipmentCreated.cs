using ApiPlatform.Contracts.Events;

namespace ApiPlatform.Contracts.Erp;

/// <summary>
/// Goods of a sales order left a warehouse. Its subject is the order, so an order's shipments and status changes
/// arrive in the order they happened.
/// </summary>
public sealed record ShipmentCreated(
    string ShipmentId,
    string Tenant,
    string Number,
    string SalesOrderId,
    string Warehouse,
    string? Carrier,
    string? TrackingNumber,
    IReadOnlyList<ShipmentLine> Lines,
    DateTimeOffset ShippedAt,
    SourceReference Source) : IIntegrationEvent
{
    public static string EventType => "erp.shipment.created.v1";

    public string Subject => SalesOrderId;

    public static ShipmentCreated From(Shipment shipment) => new(
        shipment.Id, shipment.Tenant, shipment.Number, shipment.SalesOrderId, shipment.Warehouse, shipment.Carrier, shipment.TrackingNumber,
        shipment.Lines, shipment.ShippedAt, shipment.Source);
}
