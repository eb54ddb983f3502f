namespace ApiPlatform.SystemApis.Finance.Data;

internal static class FinanceSeedData
{
    public static LedgerAccountEntity[] ChartOfAccounts =>
    [
        Account("1000", "Bank", "asset"), Account("1100", "Accounts receivable", "asset"), Account("1200", "Inventory", "asset"),
        Account("1400", "Input tax receivable", "asset"), Account("2000", "Accounts payable", "liability"), Account("2100", "Sales tax payable", "liability"),
        Account("2200", "Deferred revenue", "liability"), Account("3000", "Equity", "equity"), Account("4000", "Product revenue", "revenue"),
        Account("4100", "Subscription revenue", "revenue"), Account("4900", "Sales returns and credits", "revenue"), Account("5000", "Cost of goods sold", "expense"),
        Account("6000", "Operating expenses", "expense"),
    ];

    public static TaxRateEntity[] TaxRates =>
    [
        .. Rates("DE", 0.19m, 0.07m, 0.19m), .. Rates("AT", 0.20m, 0.10m, 0.20m), .. Rates("FR", 0.20m, 0.055m, 0.20m),
        .. Rates("GB", 0.20m, 0.05m, 0.20m), .. Rates("CZ", 0.21m, 0.12m, 0.21m), .. Rates("CA-ON", 0.13m, 0.13m, 0.13m),
        // US sales tax is set by the state; most states do not tax services.
        .. Rates("US-CA", 0.0725m, 0m, 0m), .. Rates("US-TX", 0.0625m, 0m, 0m), .. Rates("US-NY", 0.04m, 0m, 0m),
        .. Rates("US-OR", 0m, 0m, 0m), .. Rates("US-WA", 0.065m, 0m, 0.065m),
    ];

    /// <summary>Opening balances at the start of the current year, so that the trial balance has history.</summary>
    public static JournalEntryEntity[] OpeningBalances(DateTimeOffset now) =>
    [
        Opening("je-acme-opening", "acme", "JE-ACME-000001", "EUR", new DateOnly(now.Year, 1, 1), ("1000", 850_000m, 0m), ("1100", 162_000m, 0m), ("2000", 0m, 96_000m), ("3000", 0m, 916_000m)),
        Opening("je-globex-opening", "globex", "JE-GLOBEX-000001", "USD", new DateOnly(now.Year, 1, 1), ("1000", 410_000m, 0m), ("1100", 47_500m, 0m), ("3000", 0m, 457_500m)),
    ];

    private static LedgerAccountEntity Account(string code, string name, string type) => new() { Code = code, Name = name, Type = type };

    private static TaxRateEntity[] Rates(string jurisdiction, decimal standard, decimal reduced, decimal services) =>
    [
        new() { Jurisdiction = jurisdiction, TaxCode = "STANDARD", Rate = standard },
        new() { Jurisdiction = jurisdiction, TaxCode = "REDUCED", Rate = reduced },
        new() { Jurisdiction = jurisdiction, TaxCode = "SERVICES", Rate = services },
        new() { Jurisdiction = jurisdiction, TaxCode = "EXEMPT", Rate = 0m },
    ];

    private static JournalEntryEntity Opening(string id, string tenant, string number, string currency, DateOnly date, params (string Account, decimal Debit, decimal Credit)[] lines) => new()
    {
        Id = id, Tenant = tenant, Number = number, PostingDate = date, Description = "Opening balances", Currency = currency,
        PostedAt = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
        Lines = lines.Select((l, i) => new JournalLineEntity { LineNumber = i + 1, AccountCode = l.Account, Debit = l.Debit, Credit = l.Credit }).ToList(),
    };
}
