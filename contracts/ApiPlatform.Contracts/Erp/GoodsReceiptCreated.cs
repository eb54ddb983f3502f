using ApiPlatform.Contracts.Events;

namespace ApiPlatform.Contracts.Erp;

/// <summary>
/// Goods were received against a purchase order (procure-to-pay: three-way match, supplier invoice). Its subject is the
/// purchase order, so the receipts of one order arrive in the order they were booked.
/// </summary>
public sealed record GoodsReceiptCreated(
    string ReceiptId,
    string Tenant,
    string Number,
    string PurchaseOrderId,
    string Warehouse,
    IReadOnlyList<GoodsReceiptLine> Lines,
    DateTimeOffset ReceivedAt,
    SourceReference Source) : IIntegrationEvent
{
    public static string EventType => "erp.goods-receipt.created.v1";

    public string Subject => PurchaseOrderId;

    public static GoodsReceiptCreated From(GoodsReceipt receipt) => new(
        receipt.Id, receipt.Tenant, receipt.Number, receipt.PurchaseOrderId, receipt.Warehouse, receipt.Lines, receipt.ReceivedAt, receipt.Source);
}
