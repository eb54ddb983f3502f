namespace ApiPlatform.Contracts.Finance;

/// <summary>Tax on each line at the rate of the ship-to jurisdiction and the line's tax code, rounded per line.</summary>
public sealed record TaxQuote(
    string Jurisdiction,
    string Currency,
    IReadOnlyList<TaxQuoteLine> Lines,
    Money TotalNet,
    Money TotalTax,
    Money Total,
    DateTimeOffset CalculatedAt,
    SourceReference Source);

public sealed record TaxQuoteLine(int LineNumber, string TaxCode, Money NetAmount, decimal Rate, Money TaxAmount);
