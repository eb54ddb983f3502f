using System.Net;
using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Erp;
using ApiPlatform.ServiceDefaults.Clients;
using ApiPlatform.Workflows;

namespace ApiPlatform.ProcessApis.ProcureToPay.Workflows;

public sealed partial class RequisitionWorkflow
{
    /// <summary>One purchase order per requisition (the step's key); an unknown supplier or currency is a refusal.</summary>
    private async Task<StepResult> PlaceOrderAsync(StepContext<ProcurementState> c, CancellationToken cancellationToken)
    {
        var s = c.State;
        var lines = s.Lines.Select(l => new PurchaseOrderLineRequest(l.Sku, l.Description, l.Quantity, new Money(l.UnitPrice, s.Total.Currency))).ToList();
        using var response = await erp.CreatePurchaseOrderAsync(
            new CreatePurchaseOrderRequest(s.Tenant, s.SupplierId, s.Total.Currency, lines), c.IdempotencyKey, cancellationToken);
        if (response.Is(HttpStatusCode.UnprocessableEntity))
        {
            return StepResult.Refused($"ERP refused the purchase order: supplier {s.SupplierId} is unknown or does not invoice in {s.Total.Currency}.");
        }
        var order = response.Require();
        s.PurchaseOrderId = order.Id;
        s.PurchaseOrderNumber = order.Number;
        return StepResult.Done($"Purchase order {order.Number} placed with {s.SupplierId}.");
    }

    /// <summary>
    /// Cancels the purchase order while no goods were received; once goods arrived the order stays (they are here and
    /// owed for), so undoing a later step leaves it as it is. Cancelling twice changes nothing.
    /// </summary>
    private async Task CancelOrderAsync(StepContext<ProcurementState> c, CancellationToken cancellationToken)
    {
        var s = c.State;
        if (s.PurchaseOrderId is null || s.Receipts.Count > 0)
        {
            return;
        }
        using var cancelled = await erp.CancelPurchaseOrderAsync(s.PurchaseOrderId, cancellationToken);
        if (cancelled.IsSuccessful || cancelled.Is(HttpStatusCode.NotFound))
        {
            return;
        }
        if (cancelled.Is(HttpStatusCode.Conflict))
        {
            using var order = await erp.GetPurchaseOrderAsync(s.PurchaseOrderId, cancellationToken);
            var status = order.Require().Status;
            if (status == PurchaseOrderStatus.Cancelled || order.Content!.Lines.Any(l => l.ReceivedQuantity > 0))
            {
                return;
            }
            throw new InvalidOperationException($"Purchase order {s.PurchaseOrderNumber} is {status} and cannot be cancelled.");
        }
        throw cancelled.Error!;
    }
}
