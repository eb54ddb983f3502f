using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.ServiceDefaults.Clients;
using ApiPlatform.Workflows;

namespace ApiPlatform.ProcessApis.ProcureToPay.Workflows;

public sealed partial class RequisitionWorkflow
{
    /// <summary>
    /// Records the matched (or accepted) invoice in finance, which posts it to payables in the ledger. Finance keeps a
    /// supplier's invoice number once, so a re-run answers the first record.
    /// </summary>
    private async Task<StepResult> PostPayableAsync(StepContext<ProcurementState> c, CancellationToken cancellationToken)
    {
        var s = c.State;
        var invoice = s.Invoice!;
        var currency = s.Total.Currency;
        using var response = await finance.RecordSupplierInvoiceAsync(new RecordSupplierInvoiceRequest(
            s.Tenant, s.SupplierId, invoice.Number, s.PurchaseOrderId, new Money(invoice.Net, currency), new Money(invoice.Tax, currency),
            invoice.InvoiceDate, invoice.DueDate), cancellationToken);
        var recorded = response.Require();
        s.SupplierInvoiceId = recorded.Id;
        return StepResult.Done($"Supplier invoice {invoice.Number} posted to payables: {invoice.Net + invoice.Tax:0.00} {currency} due {invoice.DueDate:yyyy-MM-dd}.");
    }

    /// <summary>
    /// Pays the supplier on the invoice's due date (a durable timer), or at once when so configured or already due. The
    /// payment's reference is the requisition's, which finance keeps once: a re-run answers the first payment.
    /// </summary>
    private async Task<StepResult> PayAsync(StepContext<ProcurementState> c, CancellationToken cancellationToken)
    {
        var s = c.State;
        var invoice = s.Invoice!;
        var due = new DateTimeOffset(invoice.DueDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        if (Rules.PayOnDueDate && due > c.Now && c.Signal is not { TimedOut: true })
        {
            return StepResult.Wait(PaymentDueSignal, due, $"Payment of {invoice.Net + invoice.Tax:0.00} {s.Total.Currency} scheduled for {invoice.DueDate:yyyy-MM-dd}.");
        }
        using var response = await finance.RecordSupplierPaymentAsync(
            new RecordSupplierPaymentRequest(s.SupplierInvoiceId!, new Money(invoice.Net + invoice.Tax, s.Total.Currency), PaymentReference(c.InstanceId)), cancellationToken);
        var payment = response.Require();
        s.SupplierPaymentId = payment.Id;
        s.PaidAt = payment.PaidAt;
        return StepResult.Done($"Paid {payment.Amount.Amount:0.00} {payment.Amount.Currency} to {s.SupplierId} (reference {payment.Reference}).");
    }

    public static string PaymentReference(string requisitionId) => $"P2P-{requisitionId}";
}
