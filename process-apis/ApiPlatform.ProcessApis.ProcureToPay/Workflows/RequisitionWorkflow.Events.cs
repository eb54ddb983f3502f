using System.Text.Json;
using ApiPlatform.Contracts.ProcureToPay;
using ApiPlatform.ProcessApis.ProcureToPay.Data;
using ApiPlatform.Workflows;

namespace ApiPlatform.ProcessApis.ProcureToPay.Workflows;

public sealed partial class RequisitionWorkflow
{
    /// <summary>
    /// In the transaction of every transition: the requisition's integration event through the outbox, the purchase
    /// order's link once it exists, and the exception's row for lists.
    /// </summary>
    public void OnTransition(WorkflowTransition<ProcurementState> t)
    {
        var s = t.State;
        var status = RequisitionStatus.Of(t.Status, t.Cause, s);
        switch (t.Kind)
        {
            case TransitionKind.Started:
                events.Publish(new RequisitionSubmitted(t.InstanceId, s.Tenant, s.SupplierId, status, null, null, null, null, s.Total, t.At));
                break;
            case TransitionKind.StepCompleted:
                if (t.Step == RequisitionSteps.PurchaseOrder && s.PurchaseOrderId is not null && db.PurchaseOrderLinks.Find(s.PurchaseOrderId) is null)
                {
                    db.PurchaseOrderLinks.Add(new PurchaseOrderLinkEntity { PurchaseOrderId = s.PurchaseOrderId, RequisitionId = t.InstanceId });
                }
                events.Publish(new RequisitionStepCompleted(t.InstanceId, s.Tenant, s.SupplierId, status, t.Step, null, s.PurchaseOrderId, s.SupplierInvoiceId, s.Total, t.At));
                break;
            case TransitionKind.Waiting:
                events.Publish(new RequisitionWaiting(t.InstanceId, s.Tenant, s.SupplierId, status, t.Step, null, s.PurchaseOrderId, s.SupplierInvoiceId, s.Total, t.At));
                break;
            case TransitionKind.Milestone:
                events.Publish(new RequisitionMilestone(t.InstanceId, s.Tenant, s.SupplierId, status, t.Step, null, s.PurchaseOrderId, s.SupplierInvoiceId, s.Total, t.At));
                break;
            case TransitionKind.Completed:
                events.Publish(new RequisitionPaid(t.InstanceId, s.Tenant, s.SupplierId, status, null, null, s.PurchaseOrderId, s.SupplierInvoiceId, s.Total, t.At));
                break;
            case TransitionKind.Compensated or TransitionKind.Cancelled or TransitionKind.CompensationFailed:
                if (s.Exception is { Status: not (ExceptionStatus.Accepted or ExceptionStatus.Resolved) } open)
                {
                    open.Status = ExceptionStatus.Closed;
                    open.UpdatedAt = t.At;
                }
                events.Publish(new RequisitionEnded(t.InstanceId, s.Tenant, s.SupplierId, status, t.Step, t.Reason, s.PurchaseOrderId, s.SupplierInvoiceId, s.Total, t.At));
                break;
        }
        if (s.Exception is { } exception)
        {
            Mirror(t.InstanceId, s, exception);
        }
    }

    private void Mirror(string requisitionId, ProcurementState s, StateException e)
    {
        var row = db.Exceptions.Find(e.Id);
        if (row is null)
        {
            row = new ProcurementExceptionEntity
            {
                Id = e.Id, Tenant = s.Tenant, RequisitionId = requisitionId, SupplierId = s.SupplierId, InvoiceNumber = e.InvoiceNumber, Reasons = "",
                LinesJson = "[]", ResolutionsJson = "[]", OpenedAt = e.OpenedAt.ToUnixTimeMilliseconds(),
            };
            db.Exceptions.Add(row);
        }
        row.PurchaseOrderId = s.PurchaseOrderId;
        row.InvoiceNumber = e.InvoiceNumber;
        row.Status = e.Status;
        row.Reasons = e.Reasons.Count == 0 ? "" : $",{string.Join(',', e.Reasons)},";
        row.LinesJson = JsonSerializer.Serialize(e.Lines, JsonSerializerOptions.Web);
        row.ResolutionsJson = JsonSerializer.Serialize(e.Resolutions, JsonSerializerOptions.Web);
        row.UpdatedAt = e.UpdatedAt.ToUnixTimeMilliseconds();
        row.ResolvedAt = e.ResolvedAt?.ToUnixTimeMilliseconds();
    }
}
