using ApiPlatform.ServiceDefaults.Data;

namespace ApiPlatform.SystemApis.Finance.Data;

/// <summary>Credit lines of the demo accounts of tenants acme and globex (ids as in the crm seed) and each tenant's opening balances.</summary>
internal sealed class FinanceSeeder(TimeProvider time) : IDatabaseSeeder<FinanceDbContext>
{
    public async Task SeedAsync(FinanceDbContext database, CancellationToken cancellationToken)
    {
        database.CreditAccounts.AddRange(
            new CreditAccountEntity { AccountId = "acc-acme-001", Tenant = "acme", Currency = "EUR", CreditLimit = 250_000m, OpenInvoices = 42_000m },
            new CreditAccountEntity { AccountId = "acc-acme-002", Tenant = "acme", Currency = "EUR", CreditLimit = 500_000m, OpenInvoices = 120_000m },
            new CreditAccountEntity { AccountId = "acc-acme-003", Tenant = "acme", Currency = "EUR", CreditLimit = 80_000m, OpenInvoices = 0m },
            new CreditAccountEntity { AccountId = "acc-globex-001", Tenant = "globex", Currency = "USD", CreditLimit = 150_000m, OpenInvoices = 35_000m },
            new CreditAccountEntity { AccountId = "acc-globex-002", Tenant = "globex", Currency = "USD", CreditLimit = 60_000m, OpenInvoices = 12_500m });
        database.JournalEntries.AddRange(FinanceSeedData.OpeningBalances(time.GetUtcNow()));
        await database.SaveChangesAsync(cancellationToken);
    }
}
