using ApiPlatform.Contracts.ProcureToPay;
using ApiPlatform.Workflows;

namespace ApiPlatform.ProcessApis.ProcureToPay.Workflows;

/// <summary>Starts requisitions and records what happens to them from outside their steps (receipts, invoices, resolutions).</summary>
public sealed class Requisitions(IWorkflowClient workflows, TimeProvider time)
{
    public async Task<string> StartAsync(ProcurementState state, CancellationToken cancellationToken)
    {
        var id = $"pr-{Guid.CreateVersion7(time.GetUtcNow()):N}";
        await workflows.StartAsync<RequisitionWorkflow, ProcurementState>(id, state.Tenant, null, state, state.RequestedBy, cancellationToken);
        return id;
    }

    /// <summary>Records a goods receipt once (by its id, whether it came through the API or ERP's event) and wakes the match.</summary>
    public Task<CommandResult> RecordReceiptAsync(string requisitionId, RequisitionReceipt receipt, string actor, CancellationToken cancellationToken) =>
        workflows.RecordAsync<RequisitionWorkflow, ProcurementState>(requisitionId, state =>
        {
            if (state.Receipts.Any(r => r.ReceiptId == receipt.ReceiptId))
            {
                return null;
            }
            state.Receipts.Add(receipt);
            return $"goods-receipt {receipt.Number ?? receipt.ReceiptId}";
        }, actor, RequisitionWorkflow.MatchSignal, cancellationToken);

    /// <summary>
    /// Records the supplier's invoice unless one is already being matched (a rejected one is replaced by the corrected
    /// invoice). Answers the invoice the requisition holds afterwards.
    /// </summary>
    public async Task<StateInvoice?> RecordInvoiceAsync(string requisitionId, StateInvoice invoice, string actor, CancellationToken cancellationToken)
    {
        StateInvoice? held = null;
        var result = await workflows.RecordAsync<RequisitionWorkflow, ProcurementState>(requisitionId, state =>
        {
            held = state.Invoice;
            if (state.Invoice is not null || state.RejectedInvoices.Contains(invoice.Number, StringComparer.Ordinal))
            {
                return null;
            }
            held = state.Invoice = invoice;
            return $"supplier-invoice {invoice.Number}";
        }, actor, RequisitionWorkflow.MatchSignal, cancellationToken);
        return result.Outcome == CommandOutcome.Accepted ? held : null;
    }

    /// <summary>
    /// Resolves the requisition's exception <paramref name="exceptionId"/> if it still waits for a resolution; answers
    /// false when it does not (resolved meanwhile, superseded, or the requisition ended).
    /// </summary>
    public async Task<bool> ResolveAsync(string requisitionId, string exceptionId, ResolveExceptionRequest resolution, string actor, CancellationToken cancellationToken)
    {
        var applied = false;
        var now = time.GetUtcNow();
        var result = await workflows.RecordAsync<RequisitionWorkflow, ProcurementState>(requisitionId, state =>
        {
            applied = false;
            if (state.Exception is not { } exception || exception.Id != exceptionId
                || exception.Status is not (ExceptionStatus.Open or ExceptionStatus.WaitingForReceipt)
                || resolution.Action == "wait-for-receipt" && exception.Status != ExceptionStatus.Open)
            {
                return null;
            }
            exception.Resolutions.Add(new ExceptionResolution(resolution.Action, actor, now, resolution.Comment));
            exception.UpdatedAt = now;
            switch (resolution.Action)
            {
                case "accept":
                    exception.Status = ExceptionStatus.Accepted;
                    exception.ResolvedAt = now;
                    break;
                case "reject":
                    exception.Status = ExceptionStatus.AwaitingCorrectedInvoice;
                    state.RejectedInvoices.Add(exception.InvoiceNumber);
                    state.Invoice = null;
                    break;
                default:
                    exception.Status = ExceptionStatus.WaitingForReceipt;
                    exception.ReceiptsAtResolution = state.Receipts.Count;
                    break;
            }
            applied = true;
            return $"exception-{resolution.Action} {exceptionId}";
        }, actor, resolution.Action == "wait-for-receipt" ? null : RequisitionWorkflow.MatchSignal, cancellationToken);
        return applied && result.Outcome == CommandOutcome.Accepted;
    }
}
