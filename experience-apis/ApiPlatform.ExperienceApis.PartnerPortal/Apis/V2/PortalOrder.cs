using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Erp;
using ApiPlatform.Contracts.QuoteToCash;

namespace ApiPlatform.ExperienceApis.PartnerPortal.Apis.V2;

/// <summary>
/// An order told as its quote-to-cash process: the stage it is at, each step done (the timeline) and undone, the
/// approval, and the documents the process made: the sales order, its shipments and its invoices. <see cref="Unavailable"/>
/// names the systems whose part could not be loaded in time; the rest is still answered.
/// </summary>
public sealed record PortalOrder(
    string Id, string QuoteId, OrderStage Status, string? Reason, Money? Total, DateTimeOffset PlacedAt, DateTimeOffset UpdatedAt,
    string? CurrentStep, IReadOnlyList<ProcessStep> Timeline, IReadOnlyList<ProcessStep> Undone, OrderApproval? Approval,
    OrderSalesOrder? SalesOrder, IReadOnlyList<OrderShipmentView> Shipments, IReadOnlyList<PortalInvoice> Invoices,
    Money? AmountPaid, DateTimeOffset? PaidAt, IReadOnlyList<string> Unavailable);

/// <summary>A step of the process as a partner sees it: its business outcome, not attempts or technical errors.</summary>
public sealed record ProcessStep(string Name, StepState Status, string? Detail, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt)
{
    public static List<ProcessStep> From(IEnumerable<OrderRequestStep>? steps) =>
        (steps ?? []).Select(s => new ProcessStep(s.Name, s.Status, s.Detail, s.StartedAt, s.CompletedAt)).ToList();
}

public sealed record OrderSalesOrder(string Number, SalesOrderStatus Status, Money Total, DateTimeOffset CreatedAt);

/// <summary>A shipment of the order; carrier and tracking number come from erp when it answers.</summary>
public sealed record OrderShipmentView(string Number, DateTimeOffset ShippedAt, string? Carrier, string? TrackingNumber);
