using ApiPlatform.Contracts.QuoteToCash;
using ApiPlatform.ProcessApis.QuoteToCash.Apis;
using ApiPlatform.ProcessApis.QuoteToCash.Data;
using ApiPlatform.Workflows;

namespace ApiPlatform.ProcessApis.QuoteToCash.Workflows;

public sealed partial class OrderWorkflow
{
    /// <summary>
    /// Publishes the order request's events and keeps its links to the sales order and invoice (for the shipment and
    /// payment events that follow), in the transaction of the transition.
    /// </summary>
    public void OnTransition(WorkflowTransition<OrderState> t)
    {
        var s = t.State;
        var status = OrderRequestMapping.StatusOf(t.Status, t.Cause, s);
        switch (t.Kind)
        {
            case TransitionKind.Started:
                events.Publish(new OrderRequestStarted(t.InstanceId, s.Tenant, s.QuoteId, status, null, null, null, null, s.Total, t.At));
                break;
            case TransitionKind.StepCompleted:
                Link(t);
                events.Publish(new OrderRequestStepCompleted(t.InstanceId, s.Tenant, s.QuoteId, status, t.Step, null, s.SalesOrderId, s.InvoiceId, s.Total, t.At));
                break;
            case TransitionKind.Waiting:
                events.Publish(new OrderRequestAwaitingApproval(t.InstanceId, s.Tenant, s.QuoteId, OrderRequestState.AwaitingApproval, t.Step, s.ApprovalWhy, s.SalesOrderId, s.InvoiceId, s.Total, t.At));
                break;
            case TransitionKind.Completed:
                events.Publish(new OrderRequestCompleted(t.InstanceId, s.Tenant, s.QuoteId, OrderRequestState.Completed, null, null, s.SalesOrderId, s.InvoiceId, s.Total, t.At));
                break;
            case TransitionKind.Compensated when t.Cause == CompensationCause.Failed:
                events.Publish(new OrderRequestFailed(t.InstanceId, s.Tenant, s.QuoteId, OrderRequestState.Failed, null, t.Reason, s.SalesOrderId, s.InvoiceId, s.Total, t.At));
                break;
            case TransitionKind.Compensated:
                events.Publish(new OrderRequestRejected(t.InstanceId, s.Tenant, s.QuoteId, OrderRequestState.Rejected, null, t.Reason, s.SalesOrderId, s.InvoiceId, s.Total, t.At));
                break;
            case TransitionKind.Cancelled:
                events.Publish(new OrderRequestCancelled(t.InstanceId, s.Tenant, s.QuoteId, OrderRequestState.Cancelled, null, t.Reason, s.SalesOrderId, s.InvoiceId, s.Total, t.At));
                break;
            case TransitionKind.CompensationFailed:
                events.Publish(new OrderRequestCompensationFailed(t.InstanceId, s.Tenant, s.QuoteId, OrderRequestState.CompensationFailed, t.Step, t.Reason, s.SalesOrderId, s.InvoiceId, s.Total, t.At));
                break;
            case TransitionKind.Milestone when t.Step == OrderMilestones.Shipped:
                events.Publish(new OrderRequestShipped(t.InstanceId, s.Tenant, s.QuoteId, status, null, null, s.SalesOrderId, s.InvoiceId, s.Total, t.At));
                break;
            case TransitionKind.Milestone when t.Step == OrderMilestones.Paid:
                events.Publish(new OrderRequestPaid(t.InstanceId, s.Tenant, s.QuoteId, status, null, null, s.SalesOrderId, s.InvoiceId, s.Total, t.At));
                break;
        }
    }

    private void Link(WorkflowTransition<OrderState> t)
    {
        var (kind, document) = t.Step switch
        {
            OrderSteps.SalesOrder => (OrderLinkKind.SalesOrder, t.State.SalesOrderId),
            OrderSteps.Invoice => (OrderLinkKind.Invoice, t.State.InvoiceId),
            _ => (default, null),
        };
        if (document is not null)
        {
            db.OrderLinks.Add(new OrderLinkEntity { Kind = kind, DocumentId = document, OrderRequestId = t.InstanceId });
        }
    }
}
