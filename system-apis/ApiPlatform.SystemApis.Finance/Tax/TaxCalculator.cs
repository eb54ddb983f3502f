using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.ServiceDefaults.Errors;
using ApiPlatform.SystemApis.Finance.Data;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.SystemApis.Finance.Tax;

/// <summary>
/// Tax by jurisdiction: the ship-to country, or its state or province where that sets the rate (US, Canada).
/// Each line is taxed at the rate of its tax code and rounded to the cent (half away from zero); totals are sums of lines.
/// </summary>
public sealed class TaxCalculator(FinanceDbContext db, TimeProvider time)
{
    public const string DefaultTaxCode = "STANDARD";
    public const string EmbeddedFinance = "embedded-finance";

    public async Task<TaxQuote> CalculateAsync(TaxCalculationRequest request, CancellationToken cancellationToken)
    {
        var (jurisdiction, rates) = await RatesAsync(request.ShipTo, cancellationToken);
        var lines = request.Lines.OrderBy(l => l.LineNumber).Select(l =>
        {
            var rate = RateOf(rates, jurisdiction, l.TaxCode);
            return new TaxQuoteLine(l.LineNumber, l.TaxCode, l.NetAmount, rate, new Money(Round(l.NetAmount.Amount * rate), request.Currency));
        }).ToList();
        var net = lines.Sum(l => l.NetAmount.Amount);
        var tax = lines.Sum(l => l.TaxAmount.Amount);
        return new TaxQuote(jurisdiction, request.Currency, lines, new Money(net, request.Currency), new Money(tax, request.Currency),
            new Money(net + tax, request.Currency), time.GetUtcNow(), new SourceReference(EmbeddedFinance, $"tax:{jurisdiction}"));
    }

    /// <summary>The jurisdiction of an address and its rates by tax code; an address where no rates are kept is 422.</summary>
    public async Task<(string Jurisdiction, Dictionary<string, decimal> Rates)> RatesAsync(Address shipTo, CancellationToken cancellationToken)
    {
        var candidates = shipTo.Region is { Length: > 0 } region ? new[] { $"{shipTo.Country}-{region}", shipTo.Country } : [shipTo.Country];
        foreach (var jurisdiction in candidates)
        {
            var rates = await db.TaxRates.AsNoTracking().Where(r => r.Jurisdiction == jurisdiction).ToListAsync(cancellationToken);
            if (rates.Count > 0)
            {
                return (jurisdiction, rates.ToDictionary(r => r.TaxCode, r => r.Rate));
            }
        }
        throw new ProblemException(422, ProblemTypes.BusinessRule, "Unknown tax jurisdiction",
            $"No tax rates are kept for {string.Join(" or ", candidates)}; a US or Canadian address needs its state or province in 'region'.");
    }

    public static decimal RateOf(Dictionary<string, decimal> rates, string jurisdiction, string taxCode) =>
        rates.TryGetValue(taxCode, out var rate)
            ? rate
            : throw new ProblemException(422, ProblemTypes.BusinessRule, "Unknown tax code", $"Tax code {taxCode} has no rate in {jurisdiction}.");

    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
