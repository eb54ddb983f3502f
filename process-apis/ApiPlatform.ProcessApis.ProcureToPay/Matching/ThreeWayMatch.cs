using ApiPlatform.Contracts.ProcureToPay;
using ApiPlatform.ProcessApis.ProcureToPay.Workflows;

namespace ApiPlatform.ProcessApis.ProcureToPay.Matching;

/// <summary>One purchase order line as ordered.</summary>
public sealed record OrderedLine(int LineNumber, decimal Quantity, decimal UnitPrice);

/// <summary>One invoice line as the supplier billed it.</summary>
public sealed record InvoicedLine(int LineNumber, decimal Quantity, decimal UnitPrice);

/// <summary>What a match found: every line, the kinds of mismatch over all of them (empty when it matched).</summary>
public sealed record MatchResult(IReadOnlyList<MatchLine> Lines, IReadOnlyList<string> Reasons, decimal ExpectedTotal, decimal InvoicedTotal)
{
    public bool Matched => Reasons.Count == 0;
}

/// <summary>
/// The three-way match of a supplier invoice against its purchase order and goods receipts, per line: the invoiced
/// quantity against the received quantity (<c>quantity</c>, within <see cref="MatchTolerances.Quantity"/>), the invoiced
/// unit price against the ordered one (<c>price</c>, within <see cref="MatchTolerances.PricePercent"/> %), a line not on
/// the order (<c>line</c>); and the invoice's net total against ordered price × received quantity (<c>total</c>, within
/// <see cref="MatchTolerances.Total"/>). A tolerance is inclusive: a difference equal to it matches.
/// </summary>
public static class ThreeWayMatch
{
    public const string Quantity = "quantity";
    public const string Price = "price";
    public const string Line = "line";
    public const string Total = "total";

    public static MatchResult Match(
        IReadOnlyList<OrderedLine> ordered, IReadOnlyDictionary<int, decimal> received, IReadOnlyList<InvoicedLine> invoiced, MatchTolerances tolerances)
    {
        var lines = new List<MatchLine>();
        var byNumber = invoiced.ToDictionary(l => l.LineNumber);
        foreach (var order in ordered)
        {
            var got = received.GetValueOrDefault(order.LineNumber);
            var bill = byNumber.GetValueOrDefault(order.LineNumber);
            if (bill is null && got == 0)
            {
                continue;
            }
            var reasons = new List<string>();
            var billed = bill?.Quantity ?? 0m;
            var price = bill?.UnitPrice ?? order.UnitPrice;
            if (Math.Abs(billed - got) > tolerances.Quantity)
            {
                reasons.Add(Quantity);
            }
            if (Math.Abs(price - order.UnitPrice) * 100m > order.UnitPrice * tolerances.PricePercent)
            {
                reasons.Add(Price);
            }
            lines.Add(new MatchLine(order.LineNumber, order.Quantity, got, billed, order.UnitPrice, price,
                Money2(got * order.UnitPrice), Money2(billed * price), reasons));
        }
        foreach (var stray in invoiced.Where(l => ordered.All(o => o.LineNumber != l.LineNumber)))
        {
            lines.Add(new MatchLine(stray.LineNumber, 0m, received.GetValueOrDefault(stray.LineNumber), stray.Quantity, 0m, stray.UnitPrice,
                0m, Money2(stray.Quantity * stray.UnitPrice), [Line]));
        }

        var expected = lines.Sum(l => l.ExpectedAmount);
        var billedTotal = lines.Sum(l => l.InvoicedAmount);
        var all = lines.SelectMany(l => l.Reasons).ToList();
        if (Math.Abs(billedTotal - expected) > tolerances.Total)
        {
            all.Add(Total);
        }
        string[] kinds = [Quantity, Price, Line, Total];
        return new MatchResult(lines.OrderBy(l => l.LineNumber).ToList(), kinds.Where(all.Contains).ToList(), expected, billedTotal);
    }

    private static decimal Money2(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
