using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Crm;
using ApiPlatform.ServiceDefaults.Apis;

namespace ApiPlatform.SystemApis.Crm.Connectors;

/// <summary>
/// A CRM system of record in canonical terms. <c>tenant</c> is null only for internal callers of the default
/// connector, who see all its tenants. Creates take a <c>creationKey</c>: the same key never makes a second record.
/// </summary>
public interface ICrmConnector
{
    /// <summary>The system of record's name, as written in <see cref="SourceReference.System"/> and in problems.</summary>
    string System { get; }

    Task<Page<Account>> ListAccountsAsync(string? tenant, AccountFilter filter, PageRequest page, CancellationToken cancellationToken);
    Task<Account?> GetAccountAsync(string? tenant, string id, CancellationToken cancellationToken);
    Task<Written<Account>> CreateAccountAsync(CreateAccountRequest request, string creationKey, CancellationToken cancellationToken);
    Task<Account?> UpdateAccountAsync(string? tenant, string id, UpdateAccountRequest request, CancellationToken cancellationToken);

    Task<Page<Contact>> ListContactsAsync(string? tenant, string? accountId, PageRequest page, CancellationToken cancellationToken);
    Task<Contact?> GetContactAsync(string? tenant, string id, CancellationToken cancellationToken);
    Task<Written<Contact>> CreateContactAsync(CreateContactRequest request, string creationKey, CancellationToken cancellationToken);

    Task<Page<Opportunity>> ListOpportunitiesAsync(string? tenant, string? accountId, OpportunityStage? stage, PageRequest page, CancellationToken cancellationToken);
    Task<Opportunity?> GetOpportunityAsync(string? tenant, string id, CancellationToken cancellationToken);
    Task<Written<Opportunity>> CreateOpportunityAsync(CreateOpportunityRequest request, string creationKey, CancellationToken cancellationToken);

    Task<Page<Quote>> ListQuotesAsync(string? tenant, string? accountId, QuoteStatus? status, PageRequest page, CancellationToken cancellationToken);
    Task<Quote?> GetQuoteAsync(string? tenant, string id, CancellationToken cancellationToken);
    Task<Written<Quote>> CreateQuoteAsync(CreateQuoteRequest request, string creationKey, CancellationToken cancellationToken);

    /// <summary>Moves a quote to <paramref name="status"/>; the caller has checked the move with <see cref="Quotes.QuoteWorkflow"/>.</summary>
    Task<Quote> SetQuoteStatusAsync(Quote quote, QuoteStatus status, string? reason, CancellationToken cancellationToken);
}

/// <summary>Account list filters; every one is optional.</summary>
public sealed record AccountFilter(string? Name, string? ParentAccountId, string? Country);

/// <summary>A record written by a create, and whether this call created it or found it from an earlier call with the same key.</summary>
public sealed record Written<T>(T Record, bool Created);
