using ApiPlatform.ServiceDefaults.Data;

namespace ApiPlatform.SystemApis.Finance.Data;

/// <summary>Credit lines of the demo accounts of tenants acme and globex (ids as in the crm seed).</summary>
internal sealed class FinanceSeeder : IDatabaseSeeder<FinanceDbContext>
{
    public async Task SeedAsync(FinanceDbContext database, CancellationToken cancellationToken)
    {
        database.CreditAccounts.AddRange(
            new CreditAccountEntity { AccountId = "acc-acme-001", Tenant = "acme", Currency = "EUR", CreditLimit = 250_000m, OpenInvoices = 42_000m },
            new CreditAccountEntity { AccountId = "acc-acme-002", Tenant = "acme", Currency = "EUR", CreditLimit = 500_000m, OpenInvoices = 120_000m },
            new CreditAccountEntity { AccountId = "acc-globex-001", Tenant = "globex", Currency = "USD", CreditLimit = 150_000m, OpenInvoices = 35_000m });
        await database.SaveChangesAsync(cancellationToken);
    }
}
