using ApiPlatform.ProcessApis.ProcureToPay.Matching;
using ApiPlatform.ProcessApis.ProcureToPay.Workflows;

namespace ApiPlatform.ProcessApis.ProcureToPay.Tests;

/// <summary>
/// The three-way-match rules at every tolerance edge, with the shipped tolerances (quantity exact, price ±2 %, total ±1):
/// one order line of 10 at 100.00, all received unless a case says otherwise.
/// </summary>
public sealed class ThreeWayMatchTests
{
    private static readonly MatchTolerances Shipped = new() { Quantity = 0m, PricePercent = 2m, Total = 1m };

    [Theory]
    // Exactly as ordered and received.
    [InlineData(10, 10, 100.00, new string[0])]
    // Price: +2 % is inside, +2.01 % outside; the same below (the 2.00 difference is over the total's 1.00 either way).
    [InlineData(1, 1, 102.00, new[] { "total" })]
    [InlineData(1, 1, 102.01, new[] { "price", "total" })]
    [InlineData(1, 1, 98.00, new[] { "total" })]
    [InlineData(1, 1, 97.99, new[] { "price", "total" })]
    // Total: a difference of exactly 1.00 is inside, 1.01 outside (price within its 2 %).
    [InlineData(1, 1, 101.00, new string[0])]
    [InlineData(1, 1, 101.01, new[] { "total" })]
    [InlineData(1, 1, 98.99, new[] { "total" })]
    // Quantity: exact, either way.
    [InlineData(10, 9, 100.00, new[] { "quantity", "total" })]
    [InlineData(9, 10, 100.00, new[] { "quantity", "total" })]
    public void One_line_against_its_order_and_receipts(int received, int invoiced, double unitPrice, string[] reasons)
    {
        var result = ThreeWayMatch.Match([new OrderedLine(1, 10m, 100m)], new Dictionary<int, decimal> { [1] = received },
            [new InvoicedLine(1, invoiced, (decimal)unitPrice)], Shipped);

        Assert.Equal(reasons, result.Reasons);
        Assert.Equal(reasons.Length == 0, result.Matched);
        var line = Assert.Single(result.Lines);
        Assert.Equal((received, invoiced, received * 100m, Math.Round(invoiced * (decimal)unitPrice, 2)), (line.Received, line.Invoiced, line.ExpectedAmount, line.InvoicedAmount));
    }

    [Theory]
    [InlineData(0.5, 10, 10.5, true)]
    [InlineData(0.5, 10, 10.51, false)]
    [InlineData(0.5, 10, 9.5, true)]
    public void A_quantity_tolerance_is_inclusive(double tolerance, double received, double invoiced, bool matches)
    {
        var rules = new MatchTolerances { Quantity = (decimal)tolerance, PricePercent = 2m, Total = 1000m };

        var result = ThreeWayMatch.Match([new OrderedLine(1, 20m, 10m)], new Dictionary<int, decimal> { [1] = (decimal)received },
            [new InvoicedLine(1, (decimal)invoiced, 10m)], rules);

        Assert.Equal(matches, result.Matched);
    }

    [Fact]
    public void An_invoice_line_not_on_the_order_is_a_line_mismatch()
    {
        var result = ThreeWayMatch.Match([new OrderedLine(1, 5m, 10m)], new Dictionary<int, decimal> { [1] = 5m },
            [new InvoicedLine(1, 5m, 10m), new InvoicedLine(7, 1m, 0.5m)], Shipped);

        Assert.Equal(["line"], result.Reasons);
        Assert.Equal(["line"], result.Lines.Single(l => l.LineNumber == 7).Reasons);
        Assert.Empty(result.Lines.Single(l => l.LineNumber == 1).Reasons);
    }

    [Fact]
    public void A_received_line_left_off_the_invoice_does_not_match_and_one_neither_received_nor_invoiced_is_ignored()
    {
        var ordered = new[] { new OrderedLine(1, 5m, 10m), new OrderedLine(2, 3m, 20m), new OrderedLine(3, 1m, 99m) };
        var received = new Dictionary<int, decimal> { [1] = 5m, [2] = 3m };

        var result = ThreeWayMatch.Match(ordered, received, [new InvoicedLine(1, 5m, 10m)], Shipped);

        Assert.Equal(["quantity", "total"], result.Reasons);
        Assert.Equal([1, 2], result.Lines.Select(l => l.LineNumber));
        Assert.Equal((110m, 50m), (result.ExpectedTotal, result.InvoicedTotal));
    }

    [Fact]
    public void Partial_receipts_match_an_invoice_for_what_was_received()
    {
        var result = ThreeWayMatch.Match([new OrderedLine(1, 10m, 100m), new OrderedLine(2, 4m, 25m)],
            new Dictionary<int, decimal> { [1] = 6m, [2] = 0m }, [new InvoicedLine(1, 6m, 100m)], Shipped);

        Assert.True(result.Matched);
        Assert.Equal(600m, result.InvoicedTotal);
    }
}
