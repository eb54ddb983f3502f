using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Crm;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Errors;

namespace ApiPlatform.SystemApis.Crm.Connectors.Salesforce;

internal sealed partial class SalesforceCrmConnector
{
    private const string QuoteFields = "Id, QuoteNumber, AccountId, OpportunityId, Status, Description, CurrencyIsoCode, Tax, ExpirationDate, CreatedDate, "
        + "(SELECT LineNumber, Quantity, UnitPrice, Discount, Description, Product2.ProductCode, Product2.Name FROM QuoteLineItems ORDER BY LineNumber)";

    public Task<Page<Quote>> ListQuotesAsync(string? tenant, string? accountId, QuoteStatus? status, PageRequest page, CancellationToken cancellationToken)
    {
        var owner = RequireTenant(tenant);
        if (accountId is not null && !Soql.IsId(accountId))
        {
            return Task.FromResult(new Page<Quote>([], 0, page.Skip, page.Take));
        }

        var soql = $"SELECT {QuoteFields} FROM Quote" + Soql.Where(
            accountId is null ? null : $"AccountId = {Soql.Literal(accountId)}",
            status is null ? null : $"Status IN ({string.Join(", ", StatusesOf(status.Value).Select(Soql.Literal))})") + " ORDER BY QuoteNumber";
        return PageAsync<SalesforceQuote, Quote>(soql, page, q => SalesforceMapping.ToQuote(q, owner), cancellationToken);
    }

    public Task<Quote?> GetQuoteAsync(string? tenant, string id, CancellationToken cancellationToken)
    {
        var owner = RequireTenant(tenant);
        return Soql.IsId(id)
            ? SingleAsync<SalesforceQuote, Quote>($"SELECT {QuoteFields} FROM Quote WHERE Id = {Soql.Literal(id)}", q => SalesforceMapping.ToQuote(q, owner), cancellationToken)
            : Task.FromResult<Quote?>(null);
    }

    public Task<Written<Quote>> CreateQuoteAsync(CreateQuoteRequest request, string creationKey, CancellationToken cancellationToken) =>
        throw new ProblemException(501, ProblemTypes.NotSupported, "Not supported by salesforce",
            "Quotes of a Salesforce tenant are created in Salesforce, from an opportunity and its price book; this API reads and decides them.");

    public async Task<Quote> SetQuoteStatusAsync(Quote quote, QuoteStatus status, string? reason, CancellationToken cancellationToken)
    {
        var fields = new Dictionary<string, object?> { ["Status"] = SalesforceStages.FromQuoteStatus(status) };
        if (reason is not null)
        {
            fields["Description"] = reason;
        }

        await Call(async () =>
        {
            await api.UpdateAsync(Version, "Quote", quote.Id, fields, cancellationToken);
            return true;
        });
        return await GetQuoteAsync(quote.Tenant, quote.Id, cancellationToken) ?? throw ProblemException.NotFound($"Quote {quote.Id} is gone from salesforce.");
    }

    private static string[] StatusesOf(QuoteStatus status) => status switch
    {
        QuoteStatus.Draft => ["Draft"],
        QuoteStatus.Submitted => ["Needs Review", "In Review"],
        QuoteStatus.Approved => ["Approved", "Presented", "Accepted"],
        _ => ["Rejected", "Denied"],
    };
}
