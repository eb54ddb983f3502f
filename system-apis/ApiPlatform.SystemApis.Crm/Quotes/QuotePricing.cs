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
        var tax = TaxOf(lines.Select(l => l.Line.NetAmount.Amount), quote.TaxRate);
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
            quote.DecisionReason,
            quote.OrderOnApproval);
    }

    /// <summary>A line's gross (quantity × unit price), discount and net, each rounded to the cent.</summary>
    public static (decimal Gross, decimal Discount, decimal Net) LineFigures(decimal quantity, decimal unitPrice, decimal discountPercent)
    {
        var gross = Round(quantity * unitPrice);
        var discount = Round(gross * discountPercent / 100m);
        return (gross, discount, gross - discount);
    }

    /// <summary>A quote's tax: each line's net taxed and rounded to the cent, then summed.</summary>
    public static decimal TaxOf(IEnumerable<decimal> lineNets, decimal taxRate) => lineNets.Sum(net => Round(net * taxRate));

    /// <summary>The tax of a quote to be created, by the same rules as <see cref="ToContract"/>.</summary>
    public static decimal TaxOf(CreateQuoteRequest request) =>
        TaxOf(request.Lines.Select(l => LineFigures(l.Quantity, l.UnitPrice.Amount, l.DiscountPercent).Net), request.TaxRate);

    private static (QuoteLine Line, decimal Gross, decimal Discount) PriceLine(QuoteLineEntity line, string currency)
    {
        var (gross, discount, net) = LineFigures(line.Quantity, line.UnitPrice, line.DiscountPercent);
        var priced = new QuoteLine(line.LineNumber, line.Sku, line.Description, line.Quantity,
            new Money(line.UnitPrice, currency), line.DiscountPercent, new Money(net, currency));
        return (priced, gross, discount);
    }

    private static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
