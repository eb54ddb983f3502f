using ApiPlatform.Contracts.ProcureToPay;
using ApiPlatform.ProcessApis.ProcureToPay.Matching;
using ApiPlatform.Workflows;

namespace ApiPlatform.ProcessApis.ProcureToPay.Workflows;

public sealed partial class RequisitionWorkflow
{
    /// <summary>
    /// Waits for the supplier's invoice, then matches it against the order and the receipts so far. A match (or an
    /// approver's acceptance of this invoice) ends the step; a mismatch opens the requisition's exception, or reopens it
    /// when a further receipt or a corrected invoice still does not match, and waits for what comes next. An exception
    /// resolved as "wait for a further receipt" stays so until goods arrive.
    /// </summary>
    private Task<StepResult> MatchAsync(StepContext<ProcurementState> c, CancellationToken cancellationToken)
    {
        var s = c.State;
        var exception = s.Exception;
        if (s.Invoice is not { } invoice)
        {
            return Task.FromResult(StepResult.Wait(MatchSignal, null, exception?.Status == ExceptionStatus.AwaitingCorrectedInvoice
                ? $"Invoice {exception.InvoiceNumber} was rejected; waiting for the supplier's corrected invoice ({s.Receipts.Count} receipt(s) so far)."
                : $"Waiting for the supplier's invoice ({s.Receipts.Count} receipt(s) so far)."));
        }
        if (exception is { Status: ExceptionStatus.Accepted } accepted && accepted.InvoiceNumber == invoice.Number)
        {
            var by = accepted.Resolutions[^1];
            return Task.FromResult(StepResult.Done($"Invoice {invoice.Number} accepted by {by.By} despite {string.Join(", ", accepted.Reasons)}: {by.Comment}"));
        }

        var result = ThreeWayMatch.Match(
            s.Lines.Select(l => new OrderedLine(l.LineNumber, l.Quantity, l.UnitPrice)).ToList(),
            s.Lines.ToDictionary(l => l.LineNumber, l => s.Received(l.LineNumber)),
            invoice.Lines.Select(l => new InvoicedLine(l.LineNumber, l.Quantity, l.UnitPrice)).ToList(),
            Rules.Matching);
        if (result.Matched)
        {
            if (exception is { Status: not (ExceptionStatus.Resolved or ExceptionStatus.Closed) })
            {
                exception.Status = ExceptionStatus.Resolved;
                exception.InvoiceNumber = invoice.Number;
                exception.Lines = [.. result.Lines];
                exception.Reasons = [];
                exception.UpdatedAt = c.Now;
                exception.ResolvedAt = c.Now;
            }
            return Task.FromResult(StepResult.Done(
                $"Invoice {invoice.Number} matches the order and {s.Receipts.Count} receipt(s): {result.InvoicedTotal:0.00} {s.Total.Currency} net."));
        }

        var waitingForGoods = exception is { Status: ExceptionStatus.WaitingForReceipt } waiting && waiting.InvoiceNumber == invoice.Number
            && s.Receipts.Count <= waiting.ReceiptsAtResolution;
        if (exception is null || exception.Status is ExceptionStatus.Resolved or ExceptionStatus.Closed)
        {
            exception = s.Exception = new StateException
            {
                Id = $"pex-{Guid.CreateVersion7(c.Now):N}", InvoiceNumber = invoice.Number, OpenedAt = c.Now,
            };
        }
        exception.InvoiceNumber = invoice.Number;
        exception.Reasons = [.. result.Reasons];
        exception.Lines = [.. result.Lines];
        exception.Status = waitingForGoods ? ExceptionStatus.WaitingForReceipt : ExceptionStatus.Open;
        exception.UpdatedAt = c.Now;
        return Task.FromResult(StepResult.Wait(MatchSignal, null,
            $"Invoice {invoice.Number} does not match ({string.Join(", ", result.Reasons)}): exception {exception.Id} is {exception.Status}."));
    }
}
