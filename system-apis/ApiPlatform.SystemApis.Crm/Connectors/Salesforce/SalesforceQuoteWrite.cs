using System.Globalization;
using System.Text.Json;
using ApiPlatform.Contracts.Crm;
using ApiPlatform.SystemApis.Crm.Quotes;
using ApiPlatform.VendorConnectors.Upstream;

namespace ApiPlatform.SystemApis.Crm.Connectors.Salesforce;

/// <summary>
/// The Composite call that creates a quote: the Quote, then its QuoteLineItems as one sObject Collections subrequest
/// that refers to the quote as <c>@{quote.id}</c>; both under <c>allOrNone</c>. And what Salesforce answered to it.
/// </summary>
internal static class SalesforceQuoteWrite
{
    private const string QuoteReference = "quote";
    private const string LinesReference = "lines";

    public static SalesforceComposite Composite(
        string version, string keyField, string creationKey, CreateQuoteRequest request, SalesforceOpportunity opportunity, string pricebookId,
        IReadOnlyDictionary<string, string> entries)
    {
        var quote = new Dictionary<string, object?>
        {
            ["Name"] = Truncate(opportunity.Name ?? "Quote", 255),
            ["OpportunityId"] = opportunity.Id,
            ["Pricebook2Id"] = pricebookId,
            ["Status"] = SalesforceStages.FromQuoteStatus(QuoteStatus.Draft),
            ["Tax"] = QuotePricing.TaxOf(request),
            ["ExpirationDate"] = request.ValidUntil?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [keyField] = creationKey,
        };
        var lines = request.Lines.Select(l => new Dictionary<string, object?>
        {
            ["attributes"] = new Dictionary<string, string> { ["type"] = "QuoteLineItem" },
            ["QuoteId"] = $"@{{{QuoteReference}.id}}",
            ["PricebookEntryId"] = entries[l.Sku],
            ["Quantity"] = l.Quantity,
            ["UnitPrice"] = l.UnitPrice.Amount,
            ["Discount"] = l.DiscountPercent,
            ["Description"] = l.Description,
        }).ToList();
        return new SalesforceComposite(true,
        [
            new SalesforceSubrequest("POST", $"/services/data/{version}/sobjects/Quote", QuoteReference, quote),
            new SalesforceSubrequest("POST", $"/services/data/{version}/composite/sobjects", LinesReference,
                new Dictionary<string, object?> { ["allOrNone"] = true, ["records"] = lines }),
        ]);
    }

    /// <summary>The new quote's id when Salesforce kept it, and every error code it reported (rolled-back subrequests say PROCESSING_HALTED).</summary>
    public static (string? QuoteId, IReadOnlyList<string> Errors) Outcome(SalesforceCompositeResult result, int lineCount)
    {
        var responses = UpstreamGuard.Bounded(result.CompositeResponse, "compositeResponse", 2);
        var quote = responses.SingleOrDefault(r => r.ReferenceId == QuoteReference) ?? throw new UpstreamContractException("a composite answer without the quote");
        var lines = responses.SingleOrDefault(r => r.ReferenceId == LinesReference) ?? throw new UpstreamContractException("a composite answer without the lines");
        var errors = new List<string>();
        string? quoteId = null;
        if (quote.HttpStatusCode is >= 200 and < 300)
        {
            var saved = Read<SalesforceSaveResult>(quote.Body, "the quote's save result");
            quoteId = saved.Success && Soql.IsId(saved.Id) ? saved.Id : throw new UpstreamContractException("a quote save result without a Salesforce id");
        }
        else
        {
            errors.AddRange(ErrorCodes(quote.Body));
        }

        if (lines.HttpStatusCode is >= 200 and < 300)
        {
            var saved = UpstreamGuard.Bounded(Read<List<SalesforceSaveResult>>(lines.Body, "the lines' save results"), "lines", lineCount);
            errors.AddRange(saved.Where(s => !s.Success).SelectMany(s => s.Errors ?? []).Select(e => e.ErrorCode ?? "UNKNOWN"));
            if (saved.Count != lineCount && errors.Count == 0)
            {
                errors.Add("LINES_MISSING");
            }
        }
        else
        {
            errors.AddRange(ErrorCodes(lines.Body));
        }

        // The subrequests a rollback undid answer PROCESSING_HALTED: the cause comes first.
        return (quoteId, errors.Select(c => IsCode(c) ? c : "UNKNOWN").Distinct().OrderBy(c => c == "PROCESSING_HALTED").ToList());
    }

    private static IEnumerable<string> ErrorCodes(JsonElement body) =>
        body.ValueKind == JsonValueKind.Array
            ? body.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("errorCode", out var code) ? code.GetString() ?? "UNKNOWN" : "UNKNOWN")
            : ["UNKNOWN"];

    private static T Read<T>(JsonElement body, string what)
    {
        try
        {
            return body.Deserialize<T>(JsonSerializerOptions.Web) ?? throw new UpstreamContractException($"a composite answer without {what}");
        }
        catch (JsonException)
        {
            throw new UpstreamContractException($"a composite answer whose {what} is not what Salesforce documents");
        }
    }

    private static bool IsCode(string code) => code.Length <= 64 && code.All(c => char.IsAsciiLetterUpper(c) || c == '_');

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
