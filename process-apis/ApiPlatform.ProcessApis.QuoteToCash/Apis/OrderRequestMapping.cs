using ApiPlatform.Contracts.QuoteToCash;
using ApiPlatform.ProcessApis.QuoteToCash.Workflows;
using ApiPlatform.Workflows;

namespace ApiPlatform.ProcessApis.QuoteToCash.Apis;

internal static class OrderRequestMapping
{
    public static OrderRequestStatus ToContract(WorkflowInstanceView i)
    {
        var s = i.StateAs<OrderState>();
        var forward = i.Steps.Where(x => x.Phase == StepPhase.Forward).Select(Step).ToList();
        var compensations = i.Steps.Where(x => x.Phase == StepPhase.Compensation).Select(Step).ToList();
        var approval = s.ApprovalRequired || s.ApprovalDecision is not null
            ? new OrderApproval(s.ApprovalRequired, s.ApprovalDeadline, s.ApprovalDecision, s.ApprovedBy, s.ApprovalDecidedAt, s.ApprovalComment)
            : null;
        return new OrderRequestStatus(
            i.Id, s.Tenant, s.QuoteId, StatusOf(i.Status, i.Cause, s), i.Reason, s.SalesOrderId, s.Total, forward, i.CreatedAt, i.UpdatedAt,
            i.CurrentStep, s.InvoiceId, approval, compensations,
            s.Shipments.Select(x => new OrderShipment(x.ShipmentId, x.Number, x.ShippedAt)).ToList(),
            s.Payments.Count == 0 ? null : s.Payments[0].Amount with { Amount = s.Payments.Sum(p => p.Amount.Amount) }, s.PaidAt,
            new OrderDocuments(s.CreditAssessmentId, s.ReservationIds, s.SalesOrderId, s.InvoiceId, s.BillingCustomerId, s.SubscriptionIds));
    }

    /// <summary>The order request's state in the process's words, from the runtime's status and the order's milestones.</summary>
    public static OrderRequestState StatusOf(WorkflowStatus status, CompensationCause? cause, OrderState s) => status switch
    {
        WorkflowStatus.Running => OrderRequestState.Running,
        WorkflowStatus.Waiting => OrderRequestState.AwaitingApproval,
        WorkflowStatus.Compensating => OrderRequestState.Compensating,
        WorkflowStatus.Completed when s.PaidAt is not null => OrderRequestState.Paid,
        WorkflowStatus.Completed when s.Shipments.Count > 0 => OrderRequestState.Shipped,
        WorkflowStatus.Completed => OrderRequestState.Completed,
        WorkflowStatus.Compensated when cause == CompensationCause.Failed => OrderRequestState.Failed,
        WorkflowStatus.Compensated => OrderRequestState.Rejected,
        WorkflowStatus.Cancelled => OrderRequestState.Cancelled,
        _ => OrderRequestState.CompensationFailed,
    };

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
