using ApiPlatform.Contracts.Finance;
using ApiPlatform.SystemApis.Finance.Ledger;

namespace ApiPlatform.SystemApis.Finance.Billing;

/// <summary>
/// How a billing event moves money in the ledger: a paid invoice is cash in, subscription revenue and the tax collected;
/// a refund gives revenue back. Events that move no money post nothing.
/// </summary>
public static class BillingPosting
{
    public static IReadOnlyList<(string Account, decimal Debit, decimal Credit, string? Memo)>? LinesOf(BillingEvent billingEvent) => billingEvent switch
    {
        { Type: BillingEventType.InvoicePaid, Amount: { } amount } =>
        [
            (Accounts.Bank, amount.Amount, 0m, billingEvent.InvoiceId),
            (Accounts.SubscriptionRevenue, 0m, amount.Amount - (billingEvent.Tax?.Amount ?? 0m), billingEvent.SubscriptionId),
            (Accounts.SalesTax, 0m, billingEvent.Tax?.Amount ?? 0m, null),
        ],
        { Type: BillingEventType.ChargeRefunded, Amount: { } refunded } =>
        [
            (Accounts.SubscriptionRevenue, refunded.Amount, 0m, billingEvent.InvoiceId),
            (Accounts.Bank, 0m, refunded.Amount, null),
        ],
        _ => null,
    };
}
