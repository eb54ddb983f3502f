using ApiPlatform.Contracts.Erp;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.Messaging.Outbox;
using ApiPlatform.ProcessApis.ProcureToPay.Data;
using ApiPlatform.Workflows;
using Microsoft.Extensions.Options;

namespace ApiPlatform.ProcessApis.ProcureToPay.Workflows;

/// <summary>
/// Procure-to-pay for one requisition: approval by the configured policy (none, one or two levels, each with a
/// deadline) → purchase order in ERP → wait for the supplier's invoice and match it three ways against the order and
/// the goods receipts (a mismatch opens an exception and waits for its resolution, a further receipt or a corrected
/// invoice) → post the payable in finance → pay on the due date. A requisition withdrawn before any receipt cancels its
/// purchase order. Every call that creates a document carries the key <c>{instance}:{step}</c> or a number finance
/// keeps once (the supplier's invoice number, the payment reference), so a step run again never makes a second one.
/// </summary>
public sealed partial class RequisitionWorkflow(IErpApi erp, IFinanceApi finance, IOptions<ProcureToPayOptions> options, IEventPublisher events, ProcureToPayDbContext db)
    : IWorkflow<ProcurementState>
{
    public const string ApprovalSignal = "approval";

    /// <summary>Delivered by every goods receipt, supplier invoice and exception resolution recorded while the match step waits.</summary>
    public const string MatchSignal = "match-input";

    public const string PaymentDueSignal = "payment-due";

    public static string Name => "procure-to-pay.requisition";

    private ProcureToPayOptions Rules => options.Value;

    public IReadOnlyList<WorkflowStep<ProcurementState>> Steps =>
    [
        new(RequisitionSteps.Approval, ApproveAsync),
        new(RequisitionSteps.PurchaseOrder, PlaceOrderAsync, CancelOrderAsync),
        new(RequisitionSteps.Match, MatchAsync),
        new(RequisitionSteps.Payable, PostPayableAsync),
        new(RequisitionSteps.Payment, PayAsync),
    ];
}

public static class RequisitionSteps
{
    public const string Approval = "approval";
    public const string PurchaseOrder = "purchase-order";
    public const string Match = "three-way-match";
    public const string Payable = "payable";
    public const string Payment = "payment";
}
