using ApiPlatform.ServiceDefaults.Data;

namespace ApiPlatform.SystemApis.Finance.Data;

/// <summary>The chart of accounts and the tax rates by jurisdiction and tax code: the ledger and tax need them everywhere.</summary>
internal sealed class FinanceReferenceSeeder : IDatabaseSeeder<FinanceDbContext>
{
    public bool IsDemoData => false;

    public async Task SeedAsync(FinanceDbContext database, CancellationToken cancellationToken)
    {
        database.LedgerAccounts.AddRange(FinanceSeedData.ChartOfAccounts);
        database.TaxRates.AddRange(FinanceSeedData.TaxRates);
        await database.SaveChangesAsync(cancellationToken);
    }
}
