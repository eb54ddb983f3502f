using System.Text.Json;
using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Events;
using ApiPlatform.Contracts.ProcureToPay;
using ApiPlatform.Messaging.Consumers;

namespace ApiPlatform.ExperienceApis.Analytics.Projections;

/// <summary>Projects any procure-to-pay requisition event: they all carry the same fields.</summary>
internal sealed class ProjectRequisition<TEvent>(TransactionProjector projector) : IEventHandler<TEvent> where TEvent : IIntegrationEvent
{
    private sealed record Shape(
        string RequisitionId, string Tenant, string SupplierId, RequisitionState Status, string? Step, string? Reason, string? PurchaseOrderId,
        string? SupplierInvoiceId, Money Total, DateTimeOffset At);

    public Task HandleAsync(TEvent integrationEvent, EventContext context, CancellationToken cancellationToken)
    {
        var e = JsonSerializer.SerializeToElement(integrationEvent, JsonSerializerOptions.Web).Deserialize<Shape>(JsonSerializerOptions.Web)!;
        var fact = new ProcessFact(Processes.ProcureToPay, e.RequisitionId, e.Tenant, e.Status.ToString(), e.Step, e.Reason, e.Total, e.At,
        [
            new(References.Requisition, e.RequisitionId),
            new(References.PurchaseOrder, e.PurchaseOrderId), new(References.SupplierInvoice, e.SupplierInvoiceId),
        ]);
        return projector.ApplyAsync(fact, context, cancellationToken);
    }
}
