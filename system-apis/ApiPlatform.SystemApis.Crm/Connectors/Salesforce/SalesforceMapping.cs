using System.Globalization;
using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Crm;
using ApiPlatform.SystemApis.Crm.Quotes;
using ApiPlatform.VendorConnectors.Upstream;

namespace ApiPlatform.SystemApis.Crm.Connectors.Salesforce;

/// <summary>Salesforce records in canonical form; anything out of contract stops the mapping (and so the answer).</summary>
internal static class SalesforceMapping
{
    private const string System = SalesforceCrmConnector.SystemName;

    public static Account ToAccount(SalesforceAccount a, string tenant) => new(
        Id(a.Id), tenant, UpstreamGuard.Text(a.Name, "Account.Name"), OptionalId(a.ParentId, "Account.ParentId"),
        UpstreamGuard.Country(a.BillingCountryCode, "Account.BillingCountryCode"), UpstreamGuard.Currency(a.CurrencyIsoCode, "Account.CurrencyIsoCode"),
        new SourceReference(System, a.Id!), UpstreamGuard.OptionalText(a.Industry, "Account.Industry", 80), Soql.Timestamp(a.LastModifiedDate));

    public static Contact ToContact(SalesforceContact c, string tenant) => new(
        Id(c.Id), tenant, OptionalId(c.AccountId, "Contact.AccountId"), UpstreamGuard.OptionalText(c.FirstName, "Contact.FirstName", 80) ?? "",
        UpstreamGuard.Text(c.LastName, "Contact.LastName", 80), UpstreamGuard.OptionalText(c.Email, "Contact.Email", 254),
        UpstreamGuard.OptionalText(c.Phone, "Contact.Phone", 40), UpstreamGuard.OptionalText(c.Title, "Contact.Title", 128), new SourceReference(System, c.Id!));

    public static Opportunity ToOpportunity(SalesforceOpportunity o, string tenant)
    {
        var stage = SalesforceStages.ToCanonical(UpstreamGuard.Text(o.StageName, "Opportunity.StageName", 40));
        var probability = o.Probability is null ? OpportunityProbability.Of(stage) : (int)UpstreamGuard.Range(o.Probability, "Opportunity.Probability", 0, 100);
        return new Opportunity(Id(o.Id), tenant, OptionalId(o.AccountId, "Opportunity.AccountId"), UpstreamGuard.Text(o.Name, "Opportunity.Name", 120), stage,
            new Money(UpstreamGuard.Amount(o.Amount ?? 0m, "Opportunity.Amount"), UpstreamGuard.Currency(o.CurrencyIsoCode, "Opportunity.CurrencyIsoCode")),
            Date(o.CloseDate, "Opportunity.CloseDate"), probability, new SourceReference(System, o.Id!));
    }

    /// <summary>
    /// The quote with Salesforce's own totals (Subtotal, TotalPrice, Tax, GrandTotal), which must agree with its lines
    /// priced by the canonical rules (a cent of rounding per line) and with each other; shipping has no canonical place.
    /// </summary>
    public static Quote ToQuote(SalesforceQuote q, string tenant)
    {
        var currency = UpstreamGuard.Currency(q.CurrencyIsoCode, "Quote.CurrencyIsoCode");
        var lines = UpstreamGuard.Bounded(q.QuoteLineItems?.Records ?? [], "QuoteLineItems", 500).Select((l, i) => ToLine(l, i + 1, currency)).ToList();
        var tolerance = 0.01m * Math.Max(1, lines.Count);
        var subtotal = Agreeing(q.Subtotal, "Quote.Subtotal", lines.Sum(l => Round(l.Quantity * l.UnitPrice.Amount)), tolerance);
        var net = Agreeing(q.TotalPrice, "Quote.TotalPrice", lines.Sum(l => l.NetAmount.Amount), tolerance);
        var tax = UpstreamGuard.Amount(q.Tax ?? 0m, "Quote.Tax");
        if (q.ShippingHandling is { } shipping && shipping != 0m)
        {
            throw new UpstreamContractException("a quote with 'ShippingHandling', which a canonical quote does not carry", "ShippingHandling");
        }
        var total = Agreeing(q.GrandTotal, "Quote.GrandTotal", net + tax, 0m);
        if (net > subtotal)
        {
            throw new UpstreamContractException("a 'Quote.TotalPrice' above its 'Quote.Subtotal'", "Quote.TotalPrice");
        }

        var created = Soql.Timestamp(q.CreatedDate) ?? throw new UpstreamContractException("'Quote.CreatedDate' that is not a dateTime", "Quote.CreatedDate");
        var validUntil = q.ExpirationDate is null ? created.AddDays(30) : new DateTimeOffset(Date(q.ExpirationDate, "Quote.ExpirationDate").ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return new Quote(Id(q.Id), tenant, UpstreamGuard.Text(q.QuoteNumber, "Quote.QuoteNumber", 40), UpstreamGuard.Text(q.AccountId, "Quote.AccountId", 18),
            SalesforceStages.ToQuoteStatus(UpstreamGuard.Text(q.Status, "Quote.Status", 40)), lines, new Money(subtotal, currency),
            new Money(subtotal - net, currency), new Money(tax, currency), new Money(total, currency), created, validUntil,
            new SourceReference(System, q.Id!), OptionalId(q.OpportunityId, "Quote.OpportunityId"), UpstreamGuard.OptionalText(q.Description, "Quote.Description", 500));
    }

    private static decimal Agreeing(decimal? reported, string field, decimal expected, decimal tolerance)
    {
        var amount = UpstreamGuard.Amount(reported, field);
        return Math.Abs(amount - expected) <= tolerance
            ? amount
            : throw new UpstreamContractException($"a '{field}' of {amount} that its lines and tax contradict ({expected})", field);
    }

    private static QuoteLine ToLine(SalesforceQuoteLine l, int number, string currency)
    {
        var quantity = UpstreamGuard.Range(l.Quantity, "QuoteLineItem.Quantity", 0.0001m, 1_000_000m);
        var unitPrice = UpstreamGuard.Amount(l.UnitPrice, "QuoteLineItem.UnitPrice");
        var discount = l.Discount is null ? 0m : UpstreamGuard.Range(l.Discount, "QuoteLineItem.Discount", 0m, 100m);
        var sku = UpstreamGuard.Text(l.Product2?.ProductCode, "QuoteLineItem.Product2.ProductCode", 64);
        return new QuoteLine(number, sku, UpstreamGuard.OptionalText(l.Description ?? l.Product2?.Name, "QuoteLineItem.Description") ?? sku, quantity,
            new Money(unitPrice, currency), discount, new Money(QuotePricing.LineFigures(quantity, unitPrice, discount).Net, currency));
    }

    private static string Id(string? id) => Soql.IsId(id) ? id! : throw new UpstreamContractException("a record whose 'Id' is not a Salesforce id", "Id");

    private static string? OptionalId(string? id, string field) =>
        id is null || Soql.IsId(id) ? id : throw new UpstreamContractException($"'{field}' that is not a Salesforce id", field);

    private static DateOnly Date(string? value, string field) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new UpstreamContractException($"'{field}' that is not a date", field);

    private static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
