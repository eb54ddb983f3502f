using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Crm;
using ApiPlatform.SystemApis.Crm.Data;

namespace ApiPlatform.SystemApis.Crm.Quotes;

/// <summary>
/// Quote totals computed from the lines: each line's discount and tax are rounded to the cent per line
/// (half away from zero, as invoices do), and the quote totals are the sums of the rounded line figures.
/// </summary>
public static class QuotePricing
{
    public const string EmbeddedCrm = "embedded-crm";

    public static Quote ToContract(QuoteEntity quote)
    {
        var lines = quote.Lines.OrderBy(l => l.LineNumber).Select(l => PriceLine(l, quote.Currency)).ToList();
        var subtotal = lines.Sum(l => l.Gross);
        var discount = lines.Sum(l => l.Discount);
        var tax = lines.Sum(l => Round(l.Line.NetAmount.Amount * quote.TaxRate));
        return new Quote(
            quote.Id,
            quote.Tenant,
            quote.Number,
            quote.AccountId,
            quote.Status,
            lines.Select(l => l.Line).ToList(),
            new Money(subtotal, quote.Currency),
            new Money(discount, quote.Currency),
            new Money(tax, quote.Currency),
            new Money(subtotal - discount + tax, quote.Currency),
            quote.CreatedAt,
            quote.ValidUntil,
            new SourceReference(EmbeddedCrm, quote.Id),
            quote.OpportunityId,
            quote.DecisionReason);
    }

    private static (QuoteLine Line, decimal Gross, decimal Discount) PriceLine(QuoteLineEntity line, string currency)
    {
        var gross = Round(line.Quantity * line.UnitPrice);
        var discount = Round(gross * line.DiscountPercent / 100m);
        var priced = new QuoteLine(line.LineNumber, line.Sku, line.Description, line.Quantity,
            new Money(line.UnitPrice, currency), line.DiscountPercent, new Money(gross - discount, currency));
        return (priced, gross, discount);
    }

    private static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
