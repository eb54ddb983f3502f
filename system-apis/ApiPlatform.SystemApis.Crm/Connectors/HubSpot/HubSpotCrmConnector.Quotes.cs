using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Crm;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.SystemApis.Connectors.Upstream;

namespace ApiPlatform.SystemApis.Crm.Connectors.HubSpot;

internal sealed partial class HubSpotCrmConnector
{
    private const int MaxLineItems = 500;
    private static readonly string[] QuoteProperties = ["hs_title", "hs_quote_number", "hs_status", "hs_currency", "hs_expiration_date", "hs_comments"];
    private static readonly string[] QuoteAssociations = ["line_items", "companies", "deals"];
    private static readonly string[] LineItemProperties = ["hs_sku", "name", "quantity", "price", "hs_discount_percentage"];

    public async Task<Page<Quote>> ListQuotesAsync(string? tenant, string? accountId, QuoteStatus? status, PageRequest page, CancellationToken cancellationToken)
    {
        var owner = RequireTenant(tenant);
        var filters = new List<HubSpotFilter>();
        if (accountId is not null)
        {
            filters.Add(new HubSpotFilter("associations.company", "EQ", accountId));
        }
        if (status is not null)
        {
            filters.Add(new HubSpotFilter("hs_status", "EQ", HubSpotStages.FromQuoteStatus(status.Value)));
        }

        // A search answers no associations: each quote of the page is read with its lines and company.
        var ids = await SearchPageAsync("quotes", filters, QuoteProperties, new HubSpotSort("hs_quote_number", "ASCENDING"), page, o => o.Id!, cancellationToken);
        var quotes = new List<Quote>(ids.Items.Count);
        foreach (var id in ids.Items)
        {
            quotes.Add(await GetQuoteAsync(owner, id, cancellationToken) ?? throw UpstreamProblems.BadAnswer(SystemName, $"a quote {id} that it then did not find"));
        }
        return new Page<Quote>(quotes, ids.Total, ids.Offset, ids.Limit);
    }

    public async Task<Quote?> GetQuoteAsync(string? tenant, string id, CancellationToken cancellationToken)
    {
        var owner = RequireTenant(tenant);
        if (await GetObjectAsync("quotes", id, QuoteProperties, QuoteAssociations, cancellationToken) is not { } quote)
        {
            return null;
        }

        return await Call(async () =>
        {
            var lineIds = quote.Associations?.GetValueOrDefault("line_items")?.Results ?? [];
            var lines = lineIds.Count == 0 ? [] : UpstreamGuard.Bounded((await api.ReadLineItemsAsync(
                new HubSpotBatchRead(UpstreamGuard.Bounded(lineIds, "line_items", MaxLineItems).Select(l => new HubSpotTarget(l.Id ?? "")).ToList(), LineItemProperties),
                retrySafe: true, cancellationToken)).Results, "line items", MaxLineItems);
            return HubSpotMapping.ToQuote(quote, owner, lines);
        });
    }

    public Task<Written<Quote>> CreateQuoteAsync(CreateQuoteRequest request, string creationKey, CancellationToken cancellationToken) =>
        throw new ProblemException(501, ProblemTypes.NotSupported, "Not supported by hubspot",
            "Quotes of a HubSpot tenant are created in HubSpot, from a deal and a quote template; this API reads and decides them.");

    public async Task<Quote> SetQuoteStatusAsync(Quote quote, QuoteStatus status, string? reason, CancellationToken cancellationToken)
    {
        var write = new HubSpotWrite(new Dictionary<string, string?> { ["hs_status"] = HubSpotStages.FromQuoteStatus(status) });
        if (reason is not null)
        {
            write.Properties["hs_comments"] = reason;
        }

        await Call(() => api.UpdateAsync("quotes", quote.Id, write, cancellationToken));
        return await GetQuoteAsync(quote.Tenant, quote.Id, cancellationToken) ?? throw ProblemException.NotFound($"Quote {quote.Id} is gone from hubspot.");
    }
}
