using ApiPlatform.Contracts.Crm;
using ApiPlatform.Contracts.Erp;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.Messaging.Consumers;

namespace ApiPlatform.ExperienceApis.Analytics.Projections;

/// <summary>
/// The systems' own events on a transaction's timeline, each under the document it concerns; the process events
/// link those documents to their transaction, in whichever order both arrive.
/// </summary>
internal sealed class ProjectSystemEvents(TransactionProjector projector) :
    IEventHandler<QuoteApproved>, IEventHandler<SalesOrderStatusChanged>, IEventHandler<ShipmentCreated>,
    IEventHandler<GoodsReceiptCreated>, IEventHandler<InvoiceIssued>, IEventHandler<InvoiceVoided>,
    IEventHandler<PaymentRecorded>, IEventHandler<PaymentApplied>
{
    public Task HandleAsync(QuoteApproved e, EventContext context, CancellationToken cancellationToken) =>
        Entry(References.Quote, e.QuoteId, e.Tenant, context, e.ApprovedAt, $"quote {e.Number} approved");

    public Task HandleAsync(SalesOrderStatusChanged e, EventContext context, CancellationToken cancellationToken) =>
        Entry(References.SalesOrder, e.SalesOrderId, e.Tenant, context, e.OccurredAt, $"sales order {e.Number} {e.Status}");

    public Task HandleAsync(ShipmentCreated e, EventContext context, CancellationToken cancellationToken) =>
        Entry(References.SalesOrder, e.SalesOrderId, e.Tenant, context, e.ShippedAt, $"shipment {e.Number}");

    public Task HandleAsync(GoodsReceiptCreated e, EventContext context, CancellationToken cancellationToken) =>
        Entry(References.PurchaseOrder, e.PurchaseOrderId, e.Tenant, context, e.ReceivedAt, $"goods receipt {e.Number}");

    public Task HandleAsync(InvoiceIssued e, EventContext context, CancellationToken cancellationToken) =>
        Entry(References.Invoice, e.InvoiceId, e.Tenant, context, e.IssuedAt, $"invoice {e.Number} issued");

    public Task HandleAsync(InvoiceVoided e, EventContext context, CancellationToken cancellationToken) =>
        Entry(References.Invoice, e.InvoiceId, e.Tenant, context, e.VoidedAt, "invoice voided");

    public Task HandleAsync(PaymentRecorded e, EventContext context, CancellationToken cancellationToken) =>
        Payments(e.Applications, e.Tenant, context);

    public Task HandleAsync(PaymentApplied e, EventContext context, CancellationToken cancellationToken) =>
        Payments(e.Applications, e.Tenant, context);

    private Task Entry(string kind, string id, string tenant, EventContext context, DateTimeOffset at, string detail)
    {
        projector.AddSystemEntry(new DocumentReference(kind, id).Key, tenant, context, at, detail);
        return Task.CompletedTask;
    }

    private Task Payments(IReadOnlyList<PaymentApplication> applications, string tenant, EventContext context)
    {
        for (var i = 0; i < applications.Count; i++)
        {
            var application = applications[i];
            projector.AddSystemEntry(new DocumentReference(References.Invoice, application.InvoiceId).Key, tenant, context, application.AppliedAt,
                $"payment of {application.Amount.Amount} {application.Amount.Currency} applied", i + 1);
        }
        return Task.CompletedTask;
    }
}
