using Refit;

namespace ApiPlatform.Contracts.Finance;

/// <summary>Typed client of the finance system API, v1.</summary>
public interface IFinanceApi
{
    [Post("/v1/credit-assessments")]
    Task<IApiResponse<CreditAssessment>> AssessCreditAsync([Body] CreditAssessmentRequest request, [Header(PlatformHeaders.IdempotencyKey)] string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>Ends an approved assessment's commitment; releasing a released one answers it unchanged.</summary>
    [Post("/v1/credit-assessments/{id}/release")]
    Task<IApiResponse<CreditAssessment>> ReleaseCreditAsync(string id, CancellationToken cancellationToken);

    [Post("/v1/tax/calculations")]
    Task<IApiResponse<TaxQuote>> CalculateTaxAsync([Body] TaxCalculationRequest request, CancellationToken cancellationToken);

    [Post("/v1/invoices")]
    Task<IApiResponse<Invoice>> IssueInvoiceAsync([Body] IssueInvoiceRequest request, [Header(PlatformHeaders.IdempotencyKey)] string idempotencyKey, CancellationToken cancellationToken);

    [Get("/v1/invoices/{id}")]
    Task<IApiResponse<Invoice>> GetInvoiceAsync(string id, CancellationToken cancellationToken);

    [Get("/v1/invoices")]
    Task<IApiResponse<Page<Invoice>>> ListInvoicesAsync(
        [Query] string? tenant, [Query] string? accountId, [Query] string? salesOrderId, [Query] InvoiceStatus? status, [Query] int offset, [Query] int limit,
        CancellationToken cancellationToken);

    [Post("/v1/invoices/{id}/void")]
    Task<IApiResponse<Invoice>> VoidInvoiceAsync(string id, [Body] VoidInvoiceRequest request, CancellationToken cancellationToken);

    [Post("/v1/invoices/{id}/credit-notes")]
    Task<IApiResponse<CreditNote>> IssueCreditNoteAsync(string id, [Body] IssueCreditNoteRequest request, CancellationToken cancellationToken);

    [Post("/v1/payments")]
    Task<IApiResponse<Payment>> RecordPaymentAsync([Body] RecordPaymentRequest request, CancellationToken cancellationToken);

    [Get("/v1/payments")]
    Task<IApiResponse<Page<Payment>>> ListPaymentsAsync([Query] string? tenant, [Query] string? accountId, [Query] int offset, [Query] int limit, CancellationToken cancellationToken);

    [Get("/v1/payments/{id}")]
    Task<IApiResponse<Payment>> GetPaymentAsync(string id, CancellationToken cancellationToken);

    [Get("/v1/accounts/{accountId}/balance")]
    Task<IApiResponse<AccountBalance>> GetAccountBalanceAsync(string accountId, [Query] string? currency, CancellationToken cancellationToken);

    /// <summary>One balance per account and currency of a tenant (a caller with a tenant claim names none: its own).</summary>
    [Get("/v1/balances")]
    Task<IApiResponse<List<AccountBalance>>> ListAccountBalancesAsync([Query] string? tenant, CancellationToken cancellationToken);

    [Post("/v1/journal-entries")]
    Task<IApiResponse<JournalEntry>> PostJournalEntryAsync([Body] PostJournalEntryRequest request, CancellationToken cancellationToken);

    /// <summary>The journal entries of a period (<c>yyyy-MM</c>), ordered by number.</summary>
    [Get("/v1/journal-entries")]
    Task<IApiResponse<Page<JournalEntry>>> ListJournalEntriesAsync(
        [Query] string? tenant, [Query] string? period, [Query] string? originSystem, [Query] int offset, [Query] int limit, CancellationToken cancellationToken);

    [Get("/v1/ledger/trial-balance")]
    Task<IApiResponse<TrialBalance>> GetTrialBalanceAsync([Query] string tenant, [Query] string period, [Query] string currency, CancellationToken cancellationToken);

    [Post("/v1/supplier-invoices")]
    Task<IApiResponse<SupplierInvoice>> RecordSupplierInvoiceAsync([Body] RecordSupplierInvoiceRequest request, CancellationToken cancellationToken);

    /// <summary>A repeat with the same key answers the same customer: 201 when made, 200 on a replay.</summary>
    [Post("/v1/billing/customers")]
    Task<IApiResponse<BillingCustomer>> CreateBillingCustomerAsync(
        [Body] CreateBillingCustomerRequest request, [Header(PlatformHeaders.IdempotencyKey)] string idempotencyKey, CancellationToken cancellationToken);

    [Get("/v1/billing/customers")]
    Task<IApiResponse<CursorPage<BillingCustomer>>> ListBillingCustomersAsync(
        [Query] string tenant, [Query] int? limit, [Query] string? cursor, CancellationToken cancellationToken);

    /// <summary>Billing events recorded in finance, each with the journal entry made from it; paged by cursor.</summary>
    [Get("/v1/billing/events")]
    Task<IApiResponse<CursorPage<BillingEvent>>> ListBillingEventsAsync([Query] string tenant, [Query] int? limit, [Query] string? cursor, CancellationToken cancellationToken);

    /// <summary>A repeat with the same key answers the same subscription: 201 when made, 200 on a replay.</summary>
    [Post("/v1/billing/subscriptions")]
    Task<IApiResponse<Subscription>> CreateSubscriptionAsync(
        [Body] CreateSubscriptionRequest request, [Header(PlatformHeaders.IdempotencyKey)] string idempotencyKey, CancellationToken cancellationToken);

    [Get("/v1/billing/subscriptions/{id}")]
    Task<IApiResponse<Subscription>> GetSubscriptionAsync(string id, [Query] string tenant, CancellationToken cancellationToken);

    /// <summary>Cancelling is idempotent: a subscription already cancelled answers 200 unchanged; an unknown one 404.</summary>
    [Post("/v1/billing/subscriptions/{id}/cancel")]
    Task<IApiResponse<Subscription>> CancelSubscriptionAsync(string id, [Query] string tenant, CancellationToken cancellationToken);

    [Post("/v1/supplier-payments")]
    Task<IApiResponse<SupplierPayment>> RecordSupplierPaymentAsync([Body] RecordSupplierPaymentRequest request, CancellationToken cancellationToken);
}
