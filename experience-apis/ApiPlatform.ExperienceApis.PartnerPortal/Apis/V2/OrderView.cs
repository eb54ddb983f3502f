using ApiPlatform.Contracts.Erp;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.Contracts.QuoteToCash;
using ApiPlatform.ExperienceApis.PartnerPortal.Composition;
using ApiPlatform.ServiceDefaults.Clients;

namespace ApiPlatform.ExperienceApis.PartnerPortal.Apis.V2;

/// <summary>Composes an order from quote-to-cash's status resource, erp's sales order and shipments, and finance's invoices.</summary>
public sealed record OrderView(IErpApi Erp, IFinanceApi Finance, ViewComposer Composer)
{
    public const string ErpPart = "erp";
    public const string FinancePart = "finance";

    /// <summary>The order with its documents; erp and finance are asked at once, each within its own time budget.</summary>
    public async Task<PortalOrder> ComposeAsync(OrderRequestStatus request, CancellationToken cancellationToken)
    {
        if (request.SalesOrderId is not { } salesOrderId)
        {
            return Build(request, Part<SalesOrder>.None, Part<SalesOrderTracking>.None, Part<List<Invoice>>.None);
        }

        var order = Composer.LoadAsync<SalesOrder>(ErpPart, async t => (await Erp.GetSalesOrderAsync(salesOrderId, t)).Require(), cancellationToken);
        var tracking = Composer.LoadAsync<SalesOrderTracking>(ErpPart, async t => (await Erp.GetSalesOrderStatusAsync(salesOrderId, t)).Require(), cancellationToken);
        var invoices = Composer.LoadAsync<List<Invoice>>(FinancePart,
            async t => (await Finance.ListInvoicesAsync(null, null, salesOrderId, null, 0, 200, t)).Require().Items.Where(i => i.Tenant == request.Tenant).ToList(),
            cancellationToken);
        await Task.WhenAll(order, tracking, invoices);
        return Build(request, await order, await tracking, await invoices);
    }

    /// <summary>The order as just placed: nothing made in erp or finance yet.</summary>
    public static PortalOrder Placed(OrderRequestStatus request) =>
        Build(request, Part<SalesOrder>.None, Part<SalesOrderTracking>.None, Part<List<Invoice>>.None);

    private static PortalOrder Build(OrderRequestStatus r, Part<SalesOrder> order, Part<SalesOrderTracking> tracking, Part<List<Invoice>> invoices)
    {
        var unavailable = new List<string>();
        if (!order.Available || !tracking.Available)
        {
            unavailable.Add(ErpPart);
        }
        if (!invoices.Available)
        {
            unavailable.Add(FinancePart);
        }

        var shipped = tracking.Value?.Shipments.ToDictionary(s => s.Id) ?? [];
        var shipments = (r.Shipments ?? []).Select(s => shipped.TryGetValue(s.ShipmentId, out var detail)
            ? new OrderShipmentView(s.Number, s.ShippedAt, detail.Carrier, detail.TrackingNumber)
            : new OrderShipmentView(s.Number, s.ShippedAt, null, null)).ToList();
        var salesOrder = order.Value is { } so
            ? new OrderSalesOrder(so.Number, tracking.Value?.Status ?? so.Status, so.Total, so.CreatedAt)
            : null;
        return new PortalOrder(
            r.Id, r.QuoteId, Stage(r), r.Reason, r.Total, r.CreatedAt, r.UpdatedAt, r.CurrentStep,
            ProcessStep.From(r.Steps), ProcessStep.From(r.Compensations), r.Approval, salesOrder, shipments,
            (invoices.Value ?? []).Select(PortalInvoice.From).ToList(), r.AmountPaid, r.PaidAt, unavailable);
    }

    private static OrderStage Stage(OrderRequestStatus r) => r.Status switch
    {
        OrderRequestState.Running => OrderStage.Processing,
        OrderRequestState.AwaitingApproval => OrderStage.AwaitingApproval,
        OrderRequestState.Compensating => OrderStage.Reverting,
        OrderRequestState.Completed => r.InvoiceId is null ? OrderStage.Ordered : OrderStage.Invoiced,
        OrderRequestState.Shipped => OrderStage.Shipped,
        OrderRequestState.Paid => OrderStage.Paid,
        OrderRequestState.Rejected => OrderStage.Rejected,
        OrderRequestState.Cancelled => OrderStage.Cancelled,
        _ => OrderStage.Failed,
    };
}
