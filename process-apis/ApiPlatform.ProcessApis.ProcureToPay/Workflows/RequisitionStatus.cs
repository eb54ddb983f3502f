using ApiPlatform.Contracts.ProcureToPay;
using ApiPlatform.Workflows;

namespace ApiPlatform.ProcessApis.ProcureToPay.Workflows;

public static class RequisitionStatus
{
    /// <summary>The requisition's state in the process's words, from the runtime's status and what the requisition has reached.</summary>
    public static RequisitionState Of(WorkflowStatus status, CompensationCause? cause, ProcurementState s) => status switch
    {
        WorkflowStatus.Running or WorkflowStatus.Waiting => InProgress(s),
        WorkflowStatus.Completed => RequisitionState.Paid,
        WorkflowStatus.Compensating => RequisitionState.Compensating,
        WorkflowStatus.Compensated when cause == CompensationCause.Failed => RequisitionState.Failed,
        WorkflowStatus.Cancelled => RequisitionState.Withdrawn,
        WorkflowStatus.Compensated => RequisitionState.Rejected,
        _ => RequisitionState.CompensationFailed,
    };

    private static RequisitionState InProgress(ProcurementState s) =>
        s.SupplierInvoiceId is not null ? RequisitionState.PaymentScheduled
        : s.Exception is { Status: ExceptionStatus.Open or ExceptionStatus.WaitingForReceipt or ExceptionStatus.AwaitingCorrectedInvoice } ? RequisitionState.Exception
        : s.PurchaseOrderId is not null ? RequisitionState.Ordered
        : s.ApprovalLevels > 0 && s.Decisions.Count < s.ApprovalLevels ? RequisitionState.AwaitingApproval
        : RequisitionState.Submitted;
}
