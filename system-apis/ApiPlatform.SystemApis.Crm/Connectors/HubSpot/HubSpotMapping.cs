using System.Globalization;
using System.Text.RegularExpressions;
using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Crm;
using ApiPlatform.SystemApis.Crm.Quotes;
using ApiPlatform.VendorConnectors.Upstream;

namespace ApiPlatform.SystemApis.Crm.Connectors.HubSpot;

/// <summary>HubSpot objects in canonical form; anything out of contract stops the mapping (and so the answer).</summary>
internal static partial class HubSpotMapping
{
    private const string System = HubSpotCrmConnector.SystemName;

    [GeneratedRegex("^[0-9]{1,20}$")]
    private static partial Regex IdPattern();

    public static bool IsId(string? value) => value is not null && IdPattern().IsMatch(value);

    public static Account ToAccount(HubSpotObject o, string tenant, string currency) => new(
        Id(o.Id), tenant, UpstreamGuard.Text(o["name"], "company.name"), OptionalId(o["hs_parent_company_id"], "company.hs_parent_company_id"),
        UpstreamGuard.Country(o["country"], "company.country"), UpstreamGuard.Currency(o["apiplatform_currency"] ?? currency, "company.apiplatform_currency"),
        new SourceReference(System, o.Id!), UpstreamGuard.OptionalText(o["industry"], "company.industry", 80), o.UpdatedAt);

    public static Contact ToContact(HubSpotObject o, string tenant) => new(
        Id(o.Id), tenant, OptionalId(o["associatedcompanyid"], "contact.associatedcompanyid"), UpstreamGuard.OptionalText(o["firstname"], "contact.firstname", 80) ?? "",
        UpstreamGuard.Text(o["lastname"], "contact.lastname", 80), UpstreamGuard.OptionalText(o["email"], "contact.email", 254),
        UpstreamGuard.OptionalText(o["phone"], "contact.phone", 40), UpstreamGuard.OptionalText(o["jobtitle"], "contact.jobtitle", 128), new SourceReference(System, o.Id!));

    public static Opportunity ToOpportunity(HubSpotObject o, string tenant, string currency, string? accountId)
    {
        var stage = HubSpotStages.ToCanonical(UpstreamGuard.Text(o["dealstage"], "deal.dealstage", 64));
        var probability = o["hs_deal_stage_probability"] is { } p ? (int)Math.Round(UpstreamGuard.Range(Number(p, "deal.hs_deal_stage_probability"), "deal.hs_deal_stage_probability", 0, 1) * 100) : OpportunityProbability.Of(stage);
        return new Opportunity(Id(o.Id), tenant, accountId ?? Associated(o, "companies"), UpstreamGuard.Text(o["dealname"], "deal.dealname", 120), stage,
            new Money(UpstreamGuard.Amount(o["amount"] is { } amount ? Number(amount, "deal.amount") : 0m, "deal.amount"), UpstreamGuard.Currency(o["deal_currency_code"] ?? currency, "deal.deal_currency_code")),
            DateOnly.FromDateTime(Timestamp(o["closedate"], "deal.closedate").UtcDateTime), probability, new SourceReference(System, o.Id!));
    }

    public static Quote ToQuote(HubSpotObject o, string tenant, IReadOnlyList<HubSpotObject> lineItems)
    {
        var currency = UpstreamGuard.Currency(o["hs_currency"], "quote.hs_currency");
        var lines = lineItems.OrderBy(Position).Select((l, i) => ToLine(l, i + 1, currency)).ToList();
        var subtotal = lines.Sum(l => Round(l.Quantity * l.UnitPrice.Amount));
        var net = lines.Sum(l => l.NetAmount.Amount);
        var created = o.CreatedAt ?? throw new UpstreamContractException("a quote without 'createdAt'", "createdAt");
        return new Quote(Id(o.Id), tenant, UpstreamGuard.Text(o["hs_quote_number"] ?? o.Id, "quote.hs_quote_number", 40),
            Associated(o, "companies") ?? throw new UpstreamContractException("a quote without an associated company", "associations.companies"),
            HubSpotStages.ToQuoteStatus(UpstreamGuard.Text(o["hs_status"], "quote.hs_status", 40)), lines, new Money(subtotal, currency),
            new Money(subtotal - net, currency), new Money(0m, currency), new Money(net, currency), created,
            o["hs_expiration_date"] is { } expires ? Timestamp(expires, "quote.hs_expiration_date") : created.AddDays(30),
            new SourceReference(System, o.Id!), Associated(o, "deals"), UpstreamGuard.OptionalText(o["hs_comments"], "quote.hs_comments", 500));
    }

    /// <summary>A line item's net must be the one HubSpot computed (<c>amount</c>), when it says.</summary>
    private static QuoteLine ToLine(HubSpotObject l, int number, string currency)
    {
        var quantity = UpstreamGuard.Range(Number(l["quantity"], "line_item.quantity"), "line_item.quantity", 0.0001m, 1_000_000m);
        var price = UpstreamGuard.Amount(Number(l["price"], "line_item.price"), "line_item.price");
        var discount = l["hs_discount_percentage"] is { } d ? UpstreamGuard.Range(Number(d, "line_item.hs_discount_percentage"), "line_item.hs_discount_percentage", 0, 100) : 0m;
        var net = QuotePricing.LineFigures(quantity, price, discount).Net;
        if (l["amount"] is { } amount && Math.Abs(Number(amount, "line_item.amount") - net) > 0.01m)
        {
            throw new UpstreamContractException($"a line item 'amount' of {amount} that its quantity, price and discount contradict ({net})", "amount");
        }

        var sku = UpstreamGuard.Text(l["hs_sku"], "line_item.hs_sku", 64);
        return new QuoteLine(number, sku, UpstreamGuard.OptionalText(l["name"], "line_item.name") ?? sku, quantity, new Money(price, currency), discount,
            new Money(net, currency));
    }

    private static int Position(HubSpotObject line) =>
        int.TryParse(line["hs_position_on_quote"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var position) ? position : int.MaxValue;

    public static string? Associated(HubSpotObject o, string type) =>
        o.Associations is not null && o.Associations.TryGetValue(type, out var list) && list.Results is { Count: > 0 } results
            ? OptionalId(results[0].Id, $"associations.{type}")
            : null;

    private static string Id(string? id) => IsId(id) ? id! : throw new UpstreamContractException("an object whose 'id' is not a HubSpot id", "id");

    private static string? OptionalId(string? id, string field) =>
        string.IsNullOrEmpty(id) ? null : IsId(id) ? id : throw new UpstreamContractException($"'{field}' that is not a HubSpot id", field);

    private static decimal Number(string? value, string field) =>
        decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? number : throw new UpstreamContractException($"'{field}' that is not a number", field);

    private static DateTimeOffset Timestamp(string? value, string field) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : throw new UpstreamContractException($"'{field}' that is not a timestamp", field);

    private static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
