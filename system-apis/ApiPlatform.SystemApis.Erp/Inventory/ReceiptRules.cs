using ApiPlatform.Contracts.Erp;
using ApiPlatform.SystemApis.Erp.Data;

namespace ApiPlatform.SystemApis.Erp.Inventory;

/// <summary>A receipt names lines of its purchase order, each once, and never receives more than is still open.</summary>
public static class ReceiptRules
{
    public static string? Check(PurchaseOrderEntity order, CreateGoodsReceiptRequest request)
    {
        var duplicate = request.Lines.GroupBy(l => l.PurchaseOrderLineNumber).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            return $"Line {duplicate.Key} is named more than once.";
        }

        foreach (var line in request.Lines)
        {
            var ordered = order.Lines.FirstOrDefault(l => l.LineNumber == line.PurchaseOrderLineNumber);
            if (ordered is null)
            {
                return $"Purchase order {order.Number} has no line {line.PurchaseOrderLineNumber}.";
            }
            if (ordered.ReceivedQuantity + line.Quantity > ordered.Quantity)
            {
                return $"Line {ordered.LineNumber} ({ordered.Sku}) has {ordered.Quantity - ordered.ReceivedQuantity} open, not {line.Quantity}.";
            }
        }
        return null;
    }
}
