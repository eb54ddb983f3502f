using ApiPlatform.Contracts.Erp;
using ApiPlatform.Messaging.Consumers;
using ApiPlatform.ProcessApis.QuoteToCash.Data;
using ApiPlatform.ProcessApis.QuoteToCash.Workflows;
using ApiPlatform.Workflows;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.ProcessApis.QuoteToCash.Events;

/// <summary>Goods of an ordered quote left the warehouse: the order request follows its order to <c>Shipped</c>.</summary>
internal sealed class RecordShipment(QuoteToCashDbContext db, IWorkflowClient workflows) : IEventHandler<ShipmentCreated>
{
    public async Task HandleAsync(ShipmentCreated shipment, EventContext context, CancellationToken cancellationToken)
    {
        var link = await db.OrderLinks.AsNoTracking()
            .FirstOrDefaultAsync(l => l.Kind == OrderLinkKind.SalesOrder && l.DocumentId == shipment.SalesOrderId, cancellationToken);
        if (link is null)
        {
            return;
        }
        await workflows.RecordAsync<OrderWorkflow, OrderState>(link.OrderRequestId, state =>
        {
            if (state.Shipments.Any(s => s.ShipmentId == shipment.ShipmentId))
            {
                return null;
            }
            state.Shipments.Add(new ShipmentRecord(shipment.ShipmentId, shipment.Number, shipment.ShippedAt));
            return OrderMilestones.Shipped;
        }, $"event:{context.Type}", cancellationToken);
    }
}
