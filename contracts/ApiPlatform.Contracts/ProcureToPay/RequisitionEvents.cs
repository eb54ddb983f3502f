using ApiPlatform.Contracts.Events;

namespace ApiPlatform.Contracts.ProcureToPay;

// The integration events of procure-to-pay requisitions (topic "procure-to-pay"). They share one shape, so a consumer
// (analytics) reads every one alike; the subject is the requisition, so its events arrive in order.

/// <summary>A requisition was accepted and its workflow started.</summary>
public sealed record RequisitionSubmitted(
    string RequisitionId, string Tenant, string SupplierId, RequisitionState Status, string? Step, string? Reason, string? PurchaseOrderId,
    string? SupplierInvoiceId, Money Total, DateTimeOffset At) : IIntegrationEvent
{
    public static string EventType => "procure-to-pay.requisition.submitted.v1";

    public string Subject => RequisitionId;
}

/// <summary>A step of a requisition completed (or was skipped); <c>Step</c> names it.</summary>
public sealed record RequisitionStepCompleted(
    string RequisitionId, string Tenant, string SupplierId, RequisitionState Status, string? Step, string? Reason, string? PurchaseOrderId,
    string? SupplierInvoiceId, Money Total, DateTimeOffset At) : IIntegrationEvent
{
    public static string EventType => "procure-to-pay.requisition.step-completed.v1";

    public string Subject => RequisitionId;
}

/// <summary>A requisition waits: for an approver, for goods and the invoice, for an exception's resolution, or for the due date.</summary>
public sealed record RequisitionWaiting(
    string RequisitionId, string Tenant, string SupplierId, RequisitionState Status, string? Step, string? Reason, string? PurchaseOrderId,
    string? SupplierInvoiceId, Money Total, DateTimeOffset At) : IIntegrationEvent
{
    public static string EventType => "procure-to-pay.requisition.waiting.v1";

    public string Subject => RequisitionId;
}

/// <summary>The supplier was paid: the requisition is done.</summary>
public sealed record RequisitionPaid(
    string RequisitionId, string Tenant, string SupplierId, RequisitionState Status, string? Step, string? Reason, string? PurchaseOrderId,
    string? SupplierInvoiceId, Money Total, DateTimeOffset At) : IIntegrationEvent
{
    public static string EventType => "procure-to-pay.requisition.paid.v1";

    public string Subject => RequisitionId;
}

/// <summary>A requisition ended without payment (rejected, expired, withdrawn or failed); what was done was undone. <c>Reason</c> says why.</summary>
public sealed record RequisitionEnded(
    string RequisitionId, string Tenant, string SupplierId, RequisitionState Status, string? Step, string? Reason, string? PurchaseOrderId,
    string? SupplierInvoiceId, Money Total, DateTimeOffset At) : IIntegrationEvent
{
    public static string EventType => "procure-to-pay.requisition.ended.v1";

    public string Subject => RequisitionId;
}

/// <summary>A received goods receipt, supplier invoice or exception resolution changed a requisition (<c>Step</c> names the milestone).</summary>
public sealed record RequisitionMilestone(
    string RequisitionId, string Tenant, string SupplierId, RequisitionState Status, string? Step, string? Reason, string? PurchaseOrderId,
    string? SupplierInvoiceId, Money Total, DateTimeOffset At) : IIntegrationEvent
{
    public static string EventType => "procure-to-pay.requisition.milestone.v1";

    public string Subject => RequisitionId;
}
