using ApiPlatform.Contracts.Crm;
using ApiPlatform.SystemApis.Crm.Data;
using ApiPlatform.SystemApis.Crm.Quotes;

namespace ApiPlatform.SystemApis.Crm.Tests;

public sealed class QuotePricingTests
{
    [Fact]
    public void Totals_are_the_sums_of_lines_rounded_per_line()
    {
        var quote = Quote(0.19m,
            Line(1, quantity: 4, unitPrice: 2450m, discountPercent: 5m),
            Line(2, quantity: 1, unitPrice: 1800m, discountPercent: 0m));

        var priced = QuotePricing.ToContract(quote);

        Assert.Equal(11_600m, priced.Subtotal.Amount);
        Assert.Equal(490m, priced.Discount.Amount);
        Assert.Equal(2_110.90m, priced.Tax.Amount);
        Assert.Equal(13_220.90m, priced.Total.Amount);
        Assert.Equal([9_310m, 1_800m], priced.Lines.Select(l => l.NetAmount.Amount));
        Assert.All([priced.Subtotal, priced.Discount, priced.Tax, priced.Total], m => Assert.Equal("EUR", m.Currency));
    }

    [Fact]
    public void Half_cents_round_away_from_zero_on_each_line()
    {
        // 3 x 0.335 = 1.005 -> 1.01; 10 % discount of 1.01 = 0.101 -> 0.10; tax 7 % of 0.91 = 0.0637 -> 0.06.
        var quote = Quote(0.07m, Line(1, quantity: 3, unitPrice: 0.335m, discountPercent: 10m));

        var priced = QuotePricing.ToContract(quote);

        Assert.Equal(1.01m, priced.Subtotal.Amount);
        Assert.Equal(0.10m, priced.Discount.Amount);
        Assert.Equal(0.06m, priced.Tax.Amount);
        Assert.Equal(0.97m, priced.Total.Amount);
    }

    [Fact]
    public void Lines_are_answered_in_line_order_and_name_the_system_of_record()
    {
        var quote = Quote(0m, Line(2, 1, 10m, 0m), Line(1, 1, 20m, 0m));

        var priced = QuotePricing.ToContract(quote);

        Assert.Equal([1, 2], priced.Lines.Select(l => l.LineNumber));
        Assert.Equal(new ApiPlatform.Contracts.SourceReference("embedded-crm", "q-1"), priced.Source);
    }

    private static QuoteEntity Quote(decimal taxRate, params QuoteLineEntity[] lines) => new()
    {
        Id = "q-1",
        Tenant = "acme",
        Number = "Q-1",
        AccountId = "acc-1",
        Status = QuoteStatus.Approved,
        Currency = "EUR",
        TaxRate = taxRate,
        Lines = [.. lines],
    };

    private static QuoteLineEntity Line(int number, decimal quantity, decimal unitPrice, decimal discountPercent) =>
        new() { LineNumber = number, Sku = $"SKU-{number}", Description = "Item", Quantity = quantity, UnitPrice = unitPrice, DiscountPercent = discountPercent };
}
