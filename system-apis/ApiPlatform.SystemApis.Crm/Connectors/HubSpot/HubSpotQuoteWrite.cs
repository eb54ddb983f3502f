using System.Globalization;
using ApiPlatform.Contracts.Crm;

namespace ApiPlatform.SystemApis.Crm.Connectors.HubSpot;

/// <summary>The objects a quote is created as in HubSpot: its line items, then the quote associated with them, its company and its deal.</summary>
internal static class HubSpotQuoteWrite
{
    // HUBSPOT_DEFINED association types from a quote.
    private const int QuoteToDeal = 64;
    private const int QuoteToLineItem = 67;
    private const int QuoteToCompany = 71;

    public static IEnumerable<HubSpotWrite> LineItems(CreateQuoteRequest request) => request.Lines.Select((l, i) => new HubSpotWrite(new Dictionary<string, string?>
    {
        ["hs_sku"] = l.Sku,
        ["name"] = l.Description,
        ["quantity"] = l.Quantity.ToString(CultureInfo.InvariantCulture),
        ["price"] = l.UnitPrice.Amount.ToString(CultureInfo.InvariantCulture),
        ["hs_discount_percentage"] = l.DiscountPercent.ToString(CultureInfo.InvariantCulture),
        ["hs_position_on_quote"] = i.ToString(CultureInfo.InvariantCulture),
    }));

    public static HubSpotWrite Quote(CreateQuoteRequest request, HubSpotObject deal, IReadOnlyList<string> lineItemIds, DateTimeOffset now)
    {
        var title = deal["dealname"] is { Length: > 0 } name ? name : $"Quote for deal {deal.Id}";
        var expires = request.ValidUntil ?? now.AddDays(30);
        return new HubSpotWrite(
            new Dictionary<string, string?>
            {
                ["hs_title"] = title.Length <= 200 ? title : title[..200],
                ["hs_expiration_date"] = expires.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["hs_status"] = HubSpotStages.FromQuoteStatus(QuoteStatus.Draft),
                ["hs_currency"] = request.Currency,
            },
            [
                Association(request.AccountId, QuoteToCompany),
                Association(deal.Id!, QuoteToDeal),
                .. lineItemIds.Select(id => Association(id, QuoteToLineItem)),
            ]);
    }

    private static HubSpotAssociationWrite Association(string id, int type) =>
        new(new HubSpotTarget(id), [new HubSpotAssociationType("HUBSPOT_DEFINED", type)]);
}
