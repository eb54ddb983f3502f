using Refit;

namespace ApiPlatform.Contracts.Crm;

/// <summary>Typed client of the crm system API, v1. <c>tenant</c> names the tenant's CRM for internal callers; partners always use their own.</summary>
public interface ICrmApi
{
    [Get("/v1/quotes")]
    Task<IApiResponse<Page<Quote>>> ListQuotesAsync([Query] string? accountId, [Query] QuoteStatus? status, [Query] int offset, [Query] int limit, CancellationToken cancellationToken);

    [Get("/v1/quotes/{id}")]
    Task<IApiResponse<Quote>> GetQuoteAsync(string id, CancellationToken cancellationToken);

    [Post("/v1/quotes")]
    Task<IApiResponse<Quote>> CreateQuoteAsync([Body] CreateQuoteRequest request, [Header(PlatformHeaders.IdempotencyKey)] string idempotencyKey, CancellationToken cancellationToken);

    [Post("/v1/quotes/{id}/submit")]
    Task<IApiResponse<Quote>> SubmitQuoteAsync(string id, [Query] string? tenant, CancellationToken cancellationToken);

    [Post("/v1/quotes/{id}/approve")]
    Task<IApiResponse<Quote>> ApproveQuoteAsync(string id, [Query] string? tenant, CancellationToken cancellationToken);

    [Post("/v1/quotes/{id}/reject")]
    Task<IApiResponse<Quote>> RejectQuoteAsync(string id, [Body] RejectQuoteRequest request, [Query] string? tenant, CancellationToken cancellationToken);

    /// <summary>Records the contract: Approved → Accepted, its opportunity won. An accepted quote answers 200 unchanged; any other status 409.</summary>
    [Post("/v1/quotes/{id}/accept")]
    Task<IApiResponse<Quote>> AcceptQuoteAsync(string id, [Query] string? tenant, CancellationToken cancellationToken);

    /// <summary>Undoes <see cref="AcceptQuoteAsync"/>: Accepted → Approved, its opportunity back to its stage before. An approved quote answers 200 unchanged.</summary>
    [Post("/v1/quotes/{id}/reopen")]
    Task<IApiResponse<Quote>> ReopenQuoteAsync(string id, [Query] string? tenant, CancellationToken cancellationToken);

    [Get("/v1/accounts")]
    Task<IApiResponse<Page<Account>>> ListAccountsAsync(
        [Query] string? tenant, [Query] string? name, [Query] string? parentAccountId, [Query] string? country, [Query] int offset, [Query] int limit,
        CancellationToken cancellationToken);

    [Get("/v1/accounts/{id}")]
    Task<IApiResponse<Account>> GetAccountAsync(string id, [Query] string? tenant, CancellationToken cancellationToken);

    [Post("/v1/accounts")]
    Task<IApiResponse<Account>> CreateAccountAsync([Body] CreateAccountRequest request, [Header(PlatformHeaders.IdempotencyKey)] string idempotencyKey, CancellationToken cancellationToken);

    [Put("/v1/accounts/{id}")]
    Task<IApiResponse<Account>> UpdateAccountAsync(string id, [Body] UpdateAccountRequest request, [Query] string? tenant, CancellationToken cancellationToken);

    [Get("/v1/contacts")]
    Task<IApiResponse<Page<Contact>>> ListContactsAsync([Query] string? tenant, [Query] string? accountId, [Query] int offset, [Query] int limit, CancellationToken cancellationToken);

    [Post("/v1/contacts")]
    Task<IApiResponse<Contact>> CreateContactAsync([Body] CreateContactRequest request, [Header(PlatformHeaders.IdempotencyKey)] string idempotencyKey, CancellationToken cancellationToken);

    [Get("/v1/opportunities")]
    Task<IApiResponse<Page<Opportunity>>> ListOpportunitiesAsync(
        [Query] string? tenant, [Query] string? accountId, [Query] OpportunityStage? stage, [Query] int offset, [Query] int limit, CancellationToken cancellationToken);

    [Post("/v1/opportunities")]
    Task<IApiResponse<Opportunity>> CreateOpportunityAsync(
        [Body] CreateOpportunityRequest request, [Header(PlatformHeaders.IdempotencyKey)] string idempotencyKey, CancellationToken cancellationToken);
}
