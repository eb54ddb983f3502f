using ApiPlatform.Contracts.Events;

namespace ApiPlatform.Contracts.Erp;

/// <summary>
/// A sales order was placed (<see cref="PreviousStatus"/> null) or moved to another status in an ERP: shipped,
/// cancelled. What follows an order (invoicing, partner timelines, analytics) reacts to it.
/// </summary>
public sealed record SalesOrderStatusChanged(
    string SalesOrderId,
    string Tenant,
    string Number,
    string CustomerAccountId,
    SalesOrderStatus? PreviousStatus,
    SalesOrderStatus Status,
    string? CancellationReason,
    SourceReference Source,
    DateTimeOffset OccurredAt) : IIntegrationEvent
{
    public static string EventType => "erp.sales-order.status-changed.v1";

    public string Subject => SalesOrderId;

    public static SalesOrderStatusChanged From(SalesOrder order, SalesOrderStatus? previousStatus, string? cancellationReason, DateTimeOffset occurredAt) =>
        new(order.Id, order.Tenant, order.Number, order.CustomerAccountId, previousStatus, order.Status, cancellationReason, order.Source, occurredAt);
}
