using ApiPlatform.Contracts.Crm;
using ApiPlatform.Contracts.Erp;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.Messaging.Outbox;
using ApiPlatform.ProcessApis.QuoteToCash.Data;
using ApiPlatform.Workflows;
using Microsoft.Extensions.Options;

namespace ApiPlatform.ProcessApis.QuoteToCash.Workflows;

/// <summary>
/// Quote-to-cash for one approved quote: load the quote → make sure the ERP customer exists → credit check → approval
/// when over the available credit (or above the configured amount) → tax for the ship-to jurisdiction → reserve stock →
/// sales order → record the won contract in CRM → invoice with its tax lines → billing for subscription lines. A refusal
/// or a system that keeps failing undoes the completed steps in reverse: cancel subscriptions, void the invoice, reopen
/// the CRM quote, cancel the sales order, release the reservations, release the credit. Every call that creates a
/// document carries the key <c>{instance}:{step}</c> (the same on every attempt); the other calls are idempotent by
/// nature (reads, upserts, state changes that answer 409 or unchanged when repeated), and compensations tolerate them.
/// </summary>
public sealed partial class OrderWorkflow(
    ICrmApi crm, IErpApi erp, IFinanceApi finance, IOptions<QuoteToCashOptions> options, IEventPublisher events, QuoteToCashDbContext db)
    : IWorkflow<OrderState>
{
    public static string Name => "quote-to-cash.order";

    private QuoteToCashOptions Rules => options.Value;

    public IReadOnlyList<WorkflowStep<OrderState>> Steps =>
    [
        new(OrderSteps.LoadQuote, LoadQuoteAsync),
        new(OrderSteps.ErpCustomer, EnsureCustomerAsync),
        new(OrderSteps.CreditCheck, CheckCreditAsync, ReleaseCreditAsync),
        new(OrderSteps.Approval, ApproveAsync),
        new(OrderSteps.Tax, CalculateTaxAsync),
        new(OrderSteps.ReserveInventory, ReserveAsync, ReleaseAsync),
        new(OrderSteps.SalesOrder, CreateSalesOrderAsync, CancelSalesOrderAsync),
        new(OrderSteps.CrmContract, RecordContractAsync, ReopenContractAsync),
        new(OrderSteps.Invoice, IssueInvoiceAsync, VoidInvoiceAsync),
        new(OrderSteps.Billing, NotifyBillingAsync, CancelSubscriptionsAsync),
    ];
}
