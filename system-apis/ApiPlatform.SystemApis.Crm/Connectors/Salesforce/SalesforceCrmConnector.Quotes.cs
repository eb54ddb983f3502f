using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Crm;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.VendorConnectors.Upstream;

namespace ApiPlatform.SystemApis.Crm.Connectors.Salesforce;

internal sealed partial class SalesforceCrmConnector
{
    private const string QuoteFields = "Id, QuoteNumber, AccountId, OpportunityId, Status, Description, CurrencyIsoCode, Subtotal, TotalPrice, Tax, "
        + "ShippingHandling, GrandTotal, ExpirationDate, CreatedDate, "
        + "(SELECT LineNumber, Quantity, UnitPrice, Discount, Description, Product2.ProductCode, Product2.Name FROM QuoteLineItems ORDER BY LineNumber)";

    public Task<Page<Quote>> ListQuotesAsync(string? tenant, string? accountId, QuoteStatus? status, PageRequest page, CancellationToken cancellationToken)
    {
        var owner = RequireTenant(tenant);
        if ((accountId is not null && !Soql.IsId(accountId)) || (status is not null && StatusesOf(status.Value).Length == 0))
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

    /// <summary>
    /// A Quote and its QuoteLineItems in one Composite call with <c>allOrNone</c>, so no half-made quote remains. The
    /// creation key is the quote's external id: looked up first, a retried create answers the quote it made; two racing
    /// creates meet the field's uniqueness and the loser's whole call is rolled back.
    /// </summary>
    public async Task<Written<Quote>> CreateQuoteAsync(CreateQuoteRequest request, string creationKey, CancellationToken cancellationToken)
    {
        if (await QuoteByKeyAsync(request.Tenant, creationKey, cancellationToken) is { } earlier)
        {
            return new Written<Quote>(earlier, false);
        }

        var opportunity = await QuoteOpportunityAsync(request, cancellationToken);
        var pricebookId = opportunity.Pricebook2Id ?? await StandardPricebookAsync(cancellationToken);
        var entries = await PricebookEntriesAsync(pricebookId, request, cancellationToken);
        var composite = SalesforceQuoteWrite.Composite(Version, KeyField, creationKey, request, opportunity, pricebookId, entries);
        var result = await Call(() => api.CompositeAsync(Version, composite, cancellationToken));
        var outcome = SalesforceQuoteWrite.Outcome(result, request.Lines.Count);
        if (outcome.QuoteId is null)
        {
            // A concurrent create with the same key won (DUPLICATE_VALUE on the external id): answer its quote.
            if (outcome.Errors.Contains("DUPLICATE_VALUE") && await QuoteByKeyAsync(request.Tenant, creationKey, cancellationToken) is { } twin)
            {
                return new Written<Quote>(twin, false);
            }
            throw UpstreamProblems.Refused(SystemName, $"salesforce rolled the quote and its lines back ({string.Join(", ", outcome.Errors.Take(3))}).");
        }
        if (outcome.Errors.Count > 0)
        {
            // Salesforce kept the quote yet not every line: the quote goes too, so no half-made quote remains.
            await Call(async () =>
            {
                await api.DeleteAsync(Version, "Quote", outcome.QuoteId, cancellationToken);
                return true;
            });
            throw UpstreamProblems.Refused(SystemName, $"salesforce saved the quote without all its lines ({string.Join(", ", outcome.Errors.Take(3))}); it was deleted.");
        }

        var quote = await GetQuoteAsync(request.Tenant, outcome.QuoteId, cancellationToken)
            ?? throw UpstreamProblems.BadAnswer(SystemName, "no quote after its create");
        return new Written<Quote>(quote, true);
    }

    private Task<Quote?> QuoteByKeyAsync(string tenant, string creationKey, CancellationToken cancellationToken) =>
        SingleAsync<SalesforceQuote, Quote>($"SELECT {QuoteFields} FROM Quote WHERE {KeyField} = {Soql.Literal(creationKey)}",
            q => SalesforceMapping.ToQuote(q, tenant), cancellationToken);

    /// <summary>A Salesforce quote belongs to an opportunity of the quote's account, and takes its currency.</summary>
    private async Task<SalesforceOpportunity> QuoteOpportunityAsync(CreateQuoteRequest request, CancellationToken cancellationToken)
    {
        if (request.OpportunityId is null)
        {
            throw Unprocessable("Opportunity required", "A quote in salesforce belongs to an opportunity: give 'opportunityId'.");
        }

        var opportunity = Soql.IsId(request.OpportunityId)
            ? await SingleAsync<SalesforceOpportunity, SalesforceOpportunity>(
                $"SELECT Id, AccountId, Name, StageName, Amount, CurrencyIsoCode, CloseDate, Probability, Pricebook2Id FROM Opportunity WHERE Id = {Soql.Literal(request.OpportunityId)}",
                o => o, cancellationToken)
            : null;
        if (opportunity is null || opportunity.AccountId != request.AccountId)
        {
            throw Unprocessable("Unknown opportunity", $"The opportunity {request.OpportunityId} of account {request.AccountId} does not exist in salesforce.");
        }
        if (UpstreamGuard.Currency(opportunity.CurrencyIsoCode, "Opportunity.CurrencyIsoCode") != request.Currency)
        {
            throw Unprocessable("Currency mismatch", $"A salesforce quote takes its opportunity's currency ({opportunity.CurrencyIsoCode}), not {request.Currency}.");
        }
        return opportunity with { Pricebook2Id = OptionalPricebook(opportunity.Pricebook2Id) };
    }

    private async Task<string> StandardPricebookAsync(CancellationToken cancellationToken)
    {
        var standard = await SingleAsync<SalesforceRecord, SalesforceRecord>("SELECT Id FROM Pricebook2 WHERE IsStandard = true", p => p, cancellationToken);
        return OptionalPricebook(standard?.Id) ?? throw UpstreamProblems.BadAnswer(SystemName, "no standard price book");
    }

    /// <summary>Each line's active price book entry, found by the product code (the canonical SKU) in the quote's currency.</summary>
    private async Task<IReadOnlyDictionary<string, string>> PricebookEntriesAsync(string pricebookId, CreateQuoteRequest request, CancellationToken cancellationToken)
    {
        var skus = request.Lines.Select(l => l.Sku).Distinct(StringComparer.Ordinal).ToList();
        var soql = "SELECT Id, Product2.ProductCode, Product2.Name FROM PricebookEntry" + Soql.Where(
            $"Pricebook2Id = {Soql.Literal(pricebookId)}", "IsActive = true", $"CurrencyIsoCode = {Soql.Literal(request.Currency)}",
            $"Product2.ProductCode IN ({string.Join(", ", skus.Select(Soql.Literal))})") + " ORDER BY Id";
        var found = await PageAsync<SalesforcePricebookEntry, SalesforcePricebookEntry>(soql, new PageRequest(0, PageRequest.MaxLimit), e => e, cancellationToken);
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in found.Items)
        {
            var id = Soql.IsId(entry.Id) ? entry.Id! : throw UpstreamProblems.BadAnswer(SystemName, "a PricebookEntry whose 'Id' is not a Salesforce id");
            if (entry.Product2?.ProductCode is { } code && skus.Contains(code) && !entries.TryAdd(code, id))
            {
                throw Unprocessable("Ambiguous SKU", $"The SKU {code} names several products in the salesforce price book.");
            }
        }

        var missing = skus.Where(s => !entries.ContainsKey(s)).ToList();
        return missing.Count == 0
            ? entries
            : throw Unprocessable("Unknown SKU", $"No active salesforce price book entry in {request.Currency} for {string.Join(", ", missing.Take(10))}.");
    }

    private static string? OptionalPricebook(string? id) =>
        id is null || Soql.IsId(id) ? id : throw UpstreamProblems.BadAnswer(SystemName, "a 'Pricebook2Id' that is not a Salesforce id");

    private static ProblemException Unprocessable(string title, string detail) => new(422, ProblemTypes.BusinessRule, title, detail);

    public async Task<Quote> SetQuoteStatusAsync(Quote quote, QuoteStatus status, string? reason, CancellationToken cancellationToken)
    {
        if (status == QuoteStatus.Accepted)
        {
            // Salesforce's 'Accepted' quotes read as approved ones here, so an accepted quote could not be reopened or told apart.
            throw QuoteContractSupport.NotSupported(SystemName);
        }
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
        QuoteStatus.Rejected => ["Rejected", "Denied"],
        _ => [],
    };
}
