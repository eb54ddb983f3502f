using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Crm;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.VendorConnectors.Upstream;

namespace ApiPlatform.SystemApis.Crm.Connectors.HubSpot;

internal sealed partial class HubSpotCrmConnector
{
    private const int MaxLineItems = 500;
    private static readonly string[] QuoteProperties = ["hs_title", "hs_quote_number", "hs_status", "hs_currency", "hs_expiration_date", "hs_comments"];
    private static readonly string[] QuoteAssociations = ["line_items", "companies", "deals"];
    private static readonly string[] LineItemProperties = ["hs_sku", "name", "quantity", "price", "hs_discount_percentage", "amount", "hs_position_on_quote"];

    public async Task<Page<Quote>> ListQuotesAsync(string? tenant, string? accountId, QuoteStatus? status, PageRequest page, CancellationToken cancellationToken)
    {
        var owner = RequireTenant(tenant);
        if (status == QuoteStatus.Accepted)
        {
            return new Page<Quote>([], 0, page.Skip, page.Take);
        }
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

    /// <summary>
    /// The line items first (batch create), then the quote with its associations to them, the company and the deal in
    /// one create: a quote is never seen without its lines. Any failure archives the line items made so far and is
    /// reported; a retried create finds the finished quote by its creation key and makes nothing.
    /// </summary>
    public async Task<Written<Quote>> CreateQuoteAsync(CreateQuoteRequest request, string creationKey, CancellationToken cancellationToken)
    {
        if (await FindByKeyAsync("quotes", creationKey, QuoteProperties, cancellationToken) is { } earlier)
        {
            return new Written<Quote>(await ReadCreatedQuoteAsync(request.Tenant, earlier, cancellationToken), false);
        }
        if (request.TaxRate != 0m)
        {
            throw new ProblemException(422, ProblemTypes.BusinessRule, "Tax not supported by hubspot",
                "HubSpot keeps taxes as tax objects and tax rate groups that this API does not write; create hubspot quotes with taxRate 0.");
        }

        var deal = await QuoteDealAsync(request, cancellationToken);
        var lineIds = await CreateLineItemsAsync(request, cancellationToken);
        var write = HubSpotQuoteWrite.Quote(request, deal, lineIds, time.GetUtcNow());
        write.Properties[KeyProperty] = creationKey;
        HubSpotObject quote;
        try
        {
            quote = await Call(() => api.CreateAsync("quotes", write, cancellationToken));
        }
        catch (ProblemException)
        {
            await ArchiveLineItemsAsync(lineIds, cancellationToken);
            // A concurrent create with the same key won (409 on the unique property): answer its quote.
            if (await FindByKeyAsync("quotes", creationKey, QuoteProperties, cancellationToken) is { } twin)
            {
                return new Written<Quote>(await ReadCreatedQuoteAsync(request.Tenant, twin, cancellationToken), false);
            }
            throw;
        }
        return new Written<Quote>(await ReadCreatedQuoteAsync(request.Tenant, quote, cancellationToken), true);
    }

    private async Task<Quote> ReadCreatedQuoteAsync(string tenant, HubSpotObject quote, CancellationToken cancellationToken) =>
        await GetQuoteAsync(tenant, HubSpotMapping.IsId(quote.Id) ? quote.Id! : throw UpstreamProblems.BadAnswer(SystemName, "a quote whose 'id' is not a HubSpot id"), cancellationToken)
            ?? throw UpstreamProblems.BadAnswer(SystemName, $"a quote {quote.Id} that it then did not find");

    /// <summary>A HubSpot quote is made from a deal of the quote's company.</summary>
    private async Task<HubSpotObject> QuoteDealAsync(CreateQuoteRequest request, CancellationToken cancellationToken)
    {
        if (request.OpportunityId is null)
        {
            throw new ProblemException(422, ProblemTypes.BusinessRule, "Opportunity required", "A quote in hubspot belongs to a deal: give 'opportunityId'.");
        }

        var deal = await GetObjectAsync("deals", request.OpportunityId, DealProperties, ["companies"], cancellationToken);
        var companies = deal?.Associations?.GetValueOrDefault("companies")?.Results ?? [];
        return deal is not null && companies.Any(c => c.Id == request.AccountId)
            ? deal
            : throw new ProblemException(422, ProblemTypes.BusinessRule, "Unknown opportunity",
                $"The deal {request.OpportunityId} of company {request.AccountId} does not exist in hubspot.");
    }

    /// <summary>The quote's line items, in batches of 100; on any failure those made are archived and nothing is kept.</summary>
    private async Task<IReadOnlyList<string>> CreateLineItemsAsync(CreateQuoteRequest request, CancellationToken cancellationToken)
    {
        var made = new List<string>();
        try
        {
            foreach (var chunk in HubSpotQuoteWrite.LineItems(request).Chunk(BatchSize))
            {
                var batch = await Call(() => api.CreateLineItemsAsync(new HubSpotBatchCreate(chunk), cancellationToken));
                var results = batch.Results ?? [];
                made.AddRange(results.Take(chunk.Length).Select(r => r.Id).Where(HubSpotMapping.IsId).Select(id => id!));
                if (batch.Errors is { Count: > 0 } || results.Count != chunk.Length || results.Any(r => !HubSpotMapping.IsId(r.Id)))
                {
                    throw UpstreamProblems.Refused(SystemName,
                        $"hubspot created {results.Count} of {chunk.Length} line items ({batch.Errors?.FirstOrDefault()?.Category ?? "no error given"}); the quote was not created.");
                }
            }
            return made;
        }
        catch (ProblemException)
        {
            await ArchiveLineItemsAsync(made, cancellationToken);
            throw;
        }
    }

    private async Task ArchiveLineItemsAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        foreach (var chunk in ids.Chunk(BatchSize))
        {
            try
            {
                await VendorCall.RunAsync(Vendor, () => api.ArchiveLineItemsAsync(
                    new HubSpotBatchArchive(chunk.Select(id => new HubSpotTarget(id)).ToList()), retrySafe: true, CancellationToken.None), Classify);
            }
            catch (ProblemException)
            {
                // Unassociated line items are invisible on every quote; the create's own failure is what the caller must hear.
            }
        }
    }

    public async Task<Quote> SetQuoteStatusAsync(Quote quote, QuoteStatus status, string? reason, CancellationToken cancellationToken)
    {
        if (status == QuoteStatus.Accepted)
        {
            throw QuoteContractSupport.NotSupported(SystemName);
        }
        var write = new HubSpotWrite(new Dictionary<string, string?> { ["hs_status"] = HubSpotStages.FromQuoteStatus(status) });
        if (reason is not null)
        {
            write.Properties["hs_comments"] = reason;
        }

        await Call(() => api.UpdateAsync("quotes", quote.Id, write, cancellationToken));
        return await GetQuoteAsync(quote.Tenant, quote.Id, cancellationToken) ?? throw ProblemException.NotFound($"Quote {quote.Id} is gone from hubspot.");
    }
}
