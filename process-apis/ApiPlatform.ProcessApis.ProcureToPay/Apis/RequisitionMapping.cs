using System.Text.Json;
using ApiPlatform.Contracts;
using ApiPlatform.Contracts.ProcureToPay;
using ApiPlatform.Contracts.QuoteToCash;
using ApiPlatform.ProcessApis.ProcureToPay.Data;
using ApiPlatform.ProcessApis.ProcureToPay.Workflows;
using ApiPlatform.Workflows;

namespace ApiPlatform.ProcessApis.ProcureToPay.Apis;

internal static class RequisitionMapping
{
    public static Requisition ToContract(WorkflowInstanceView i)
    {
        var s = i.StateAs<ProcurementState>();
        var state = RequisitionStatus.Of(i.Status, i.Cause, s);
        var currency = s.Total.Currency;
        var invoiced = s.Invoice?.Lines.ToDictionary(l => l.LineNumber, l => l.Quantity) ?? [];
        return new Requisition(
            i.Id, s.Description, s.SupplierId, s.Total, state.ToString(), s.RequestedBy, i.CreatedAt, s.Tenant, s.Category, i.Reason, i.CurrentStep,
            s.Lines.Select(l => new RequisitionLine(l.LineNumber, l.Sku, l.Description, l.Quantity, new Money(l.UnitPrice, currency),
                s.Received(l.LineNumber), invoiced.GetValueOrDefault(l.LineNumber))).ToList(),
            new RequisitionApproval(Math.Max(s.ApprovalLevels, 0), s.Category, s.ApprovalDeadline, s.Decisions),
            new RequisitionDocuments(s.PurchaseOrderId, s.PurchaseOrderNumber, s.SupplierInvoiceId, s.SupplierPaymentId),
            s.Invoice is { } invoice
                ? new RequisitionInvoice(invoice.Number, invoice.InvoiceDate, invoice.DueDate, new Money(invoice.Net, currency), new Money(invoice.Tax, currency),
                    invoice.SubmittedBy, invoice.SubmittedAt)
                : null,
            s.Receipts, s.Exception?.Id,
            i.Steps.Where(x => x.Phase == StepPhase.Forward).Select(Step).ToList(),
            i.Steps.Where(x => x.Phase == StepPhase.Compensation).Select(Step).ToList(),
            i.UpdatedAt);
    }

    public static ProcurementException ToContract(ProcurementExceptionEntity e) => new(
        e.Id, e.Tenant, e.RequisitionId, e.SupplierId, e.PurchaseOrderId, e.InvoiceNumber, e.Status,
        e.Reasons.Split(',', StringSplitOptions.RemoveEmptyEntries),
        JsonSerializer.Deserialize<List<MatchLine>>(e.LinesJson, JsonSerializerOptions.Web) ?? [],
        DateTimeOffset.FromUnixTimeMilliseconds(e.OpenedAt), DateTimeOffset.FromUnixTimeMilliseconds(e.UpdatedAt),
        e.ResolvedAt is { } resolved ? DateTimeOffset.FromUnixTimeMilliseconds(resolved) : null,
        JsonSerializer.Deserialize<List<ExceptionResolution>>(e.ResolutionsJson, JsonSerializerOptions.Web) ?? []);

    private static OrderRequestStep Step(WorkflowStepView x) => new(x.Name, x.Status switch
    {
        StepStatus.Pending => StepState.Pending,
        StepStatus.Running => StepState.Running,
        StepStatus.Waiting => StepState.Waiting,
        StepStatus.Retrying => StepState.Retrying,
        StepStatus.Succeeded => StepState.Succeeded,
        StepStatus.Skipped => StepState.Skipped,
        StepStatus.Refused => StepState.Rejected,
        _ => StepState.Failed,
    }, x.Detail, x.StartedAt, x.CompletedAt, x.Attempts, x.Error);
}
