using ApiPlatform.Contracts.Analytics;
using ApiPlatform.Contracts.Crm;
using ApiPlatform.Contracts.Erp;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.Contracts.ProcureToPay;
using ApiPlatform.Contracts.QuoteToCash;
using ApiPlatform.Contracts.Reconciliation;
using ApiPlatform.Messaging.Configuration;

namespace ApiPlatform.ExperienceApis.Analytics.Projections;

/// <summary>
/// The read model's projection (transactions and integration health): its own consumer group on every topic whose
/// events it reads.
/// </summary>
internal static class Projection
{
    public const string Group = "analytics-transactions";

    public static readonly string[] Topics = ["crm", "erp", "finance", "quote-to-cash", "procure-to-pay", "reconciliation", "analytics"];

    public static MessagingBuilder ProjectsTransactions(this MessagingBuilder m) => m
        .Handles<OrderRequestStarted, ProjectOrderRequest<OrderRequestStarted>>(Group)
        .Handles<OrderRequestStepCompleted, ProjectOrderRequest<OrderRequestStepCompleted>>(Group)
        .Handles<OrderRequestAwaitingApproval, ProjectOrderRequest<OrderRequestAwaitingApproval>>(Group)
        .Handles<OrderRequestCompleted, ProjectOrderRequest<OrderRequestCompleted>>(Group)
        .Handles<OrderRequestRejected, ProjectOrderRequest<OrderRequestRejected>>(Group)
        .Handles<OrderRequestFailed, ProjectOrderRequest<OrderRequestFailed>>(Group)
        .Handles<OrderRequestCancelled, ProjectOrderRequest<OrderRequestCancelled>>(Group)
        .Handles<OrderRequestCompensationFailed, ProjectOrderRequest<OrderRequestCompensationFailed>>(Group)
        .Handles<OrderRequestShipped, ProjectOrderRequest<OrderRequestShipped>>(Group)
        .Handles<OrderRequestPaid, ProjectOrderRequest<OrderRequestPaid>>(Group)
        .Handles<RequisitionSubmitted, ProjectRequisition<RequisitionSubmitted>>(Group)
        .Handles<RequisitionStepCompleted, ProjectRequisition<RequisitionStepCompleted>>(Group)
        .Handles<RequisitionWaiting, ProjectRequisition<RequisitionWaiting>>(Group)
        .Handles<RequisitionMilestone, ProjectRequisition<RequisitionMilestone>>(Group)
        .Handles<RequisitionPaid, ProjectRequisition<RequisitionPaid>>(Group)
        .Handles<RequisitionEnded, ProjectRequisition<RequisitionEnded>>(Group)
        .Handles<QuoteApproved, ProjectSystemEvents>(Group)
        .Handles<SalesOrderStatusChanged, ProjectSystemEvents>(Group)
        .Handles<ShipmentCreated, ProjectSystemEvents>(Group)
        .Handles<GoodsReceiptCreated, ProjectSystemEvents>(Group)
        .Handles<InvoiceIssued, ProjectSystemEvents>(Group)
        .Handles<InvoiceVoided, ProjectSystemEvents>(Group)
        .Handles<PaymentRecorded, ProjectSystemEvents>(Group)
        .Handles<PaymentApplied, ProjectSystemEvents>(Group)
        .Handles<CrmConnectorMappingFailed, ProjectIntegrationHealth>(Group)
        .Handles<ErpConnectorMappingFailed, ProjectIntegrationHealth>(Group)
        .Handles<FinanceConnectorMappingFailed, ProjectIntegrationHealth>(Group)
        .Handles<CrmConnectorHealthSampled, ProjectIntegrationHealth>(Group)
        .Handles<ErpConnectorHealthSampled, ProjectIntegrationHealth>(Group)
        .Handles<FinanceConnectorHealthSampled, ProjectIntegrationHealth>(Group)
        .Handles<ReconciliationRunCompleted, ProjectReconciliation>(Group)
        .Handles<ReconciliationExceptionOpened, ProjectReconciliation>(Group)
        .Handles<ReconciliationExceptionResolved, ProjectReconciliation>(Group)
        .Handles<ReconciliationExceptionCleared, ProjectReconciliation>(Group)
        .Handles<QuoteToCashMessagingHealthSampled, ProjectIntegrationHealth>(Group)
        .Handles<ProcureToPayMessagingHealthSampled, ProjectIntegrationHealth>(Group)
        .Handles<ReconciliationMessagingHealthSampled, ProjectIntegrationHealth>(Group)
        .Handles<AnalyticsMessagingHealthSampled, ProjectIntegrationHealth>(Group);
}
