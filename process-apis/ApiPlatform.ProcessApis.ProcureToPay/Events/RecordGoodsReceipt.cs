using ApiPlatform.Contracts.Erp;
using ApiPlatform.Contracts.ProcureToPay;
using ApiPlatform.Messaging.Consumers;
using ApiPlatform.ProcessApis.ProcureToPay.Data;
using ApiPlatform.ProcessApis.ProcureToPay.Workflows;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.ProcessApis.ProcureToPay.Events;

/// <summary>
/// Goods were received in ERP against a requisition's purchase order (booked there directly or through this API): the
/// requisition records the receipt once and matches its invoice again.
/// </summary>
internal sealed class RecordGoodsReceipt(ProcureToPayDbContext db, Requisitions requisitions) : IEventHandler<GoodsReceiptCreated>
{
    public async Task HandleAsync(GoodsReceiptCreated receipt, EventContext context, CancellationToken cancellationToken)
    {
        var link = await db.PurchaseOrderLinks.AsNoTracking().FirstOrDefaultAsync(l => l.PurchaseOrderId == receipt.PurchaseOrderId, cancellationToken);
        if (link is null)
        {
            return;
        }
        await requisitions.RecordReceiptAsync(link.RequisitionId, new RequisitionReceipt(receipt.ReceiptId, receipt.Number, receipt.ReceivedAt,
            receipt.Lines.Select(l => new ReceiptLineRequest(l.PurchaseOrderLineNumber, l.Quantity)).ToList()), $"event:{context.Type}", cancellationToken);
    }
}
