using ApiPlatform.Contracts.Crm;
using ApiPlatform.ServiceDefaults.Data;

namespace ApiPlatform.SystemApis.Crm.Data;

/// <summary>Demo accounts and quotes for the tenants acme and globex.</summary>
internal sealed class CrmSeeder(TimeProvider time) : IDatabaseSeeder<CrmDbContext>
{
    public async Task SeedAsync(CrmDbContext database, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        database.Accounts.AddRange(
            new AccountEntity { Id = "acc-acme-001", Tenant = "acme", Name = "ACME Manufacturing GmbH", Country = "DE", Currency = "EUR" },
            new AccountEntity { Id = "acc-acme-002", Tenant = "acme", Name = "ACME Logistics GmbH", ParentAccountId = "acc-acme-001", Country = "DE", Currency = "EUR" },
            new AccountEntity { Id = "acc-globex-001", Tenant = "globex", Name = "Globex Corporation", Country = "US", Currency = "USD" });

        database.Quotes.AddRange(
            Quote("q-acme-1001", "acme", "Q-1001", "acc-acme-001", QuoteStatus.Approved, "EUR", 0.19m, now,
                Line(1, "IND-PUMP-200", "Industrial pump 200", 4, 2450m, 5m),
                Line(2, "SVC-INSTALL", "Installation service", 1, 1800m, 0m)),
            Quote("q-acme-1002", "acme", "Q-1002", "acc-acme-002", QuoteStatus.Approved, "EUR", 0.19m, now,
                Line(1, "ROBOT-ARM-X", "Robotic arm X", 20, 48500m, 2m)),
            Quote("q-acme-1003", "acme", "Q-1003", "acc-acme-001", QuoteStatus.Draft, "EUR", 0.19m, now,
                Line(1, "SPARE-KIT", "Spare parts kit", 10, 120m, 0m)),
            Quote("q-globex-2001", "globex", "Q-2001", "acc-globex-001", QuoteStatus.Approved, "USD", 0.0725m, now,
                Line(1, "SRV-RACK-42U", "Server rack 42U", 2, 3900m, 0m),
                Line(2, "SVC-SUPPORT-Y1", "Support, first year", 1, 2400m, 10m)),
            Quote("q-globex-2002", "globex", "Q-2002", "acc-globex-001", QuoteStatus.Submitted, "USD", 0.0725m, now,
                Line(1, "SRV-BLADE-8", "Blade server, 8 cores", 6, 5200m, 4m)));
        await database.SaveChangesAsync(cancellationToken);
    }

    private static QuoteEntity Quote(string id, string tenant, string number, string accountId, QuoteStatus status,
        string currency, decimal taxRate, DateTimeOffset now, params QuoteLineEntity[] lines) => new()
    {
        Id = id,
        Tenant = tenant,
        Number = number,
        AccountId = accountId,
        Status = status,
        Currency = currency,
        TaxRate = taxRate,
        CreatedAt = now.AddDays(-7),
        ValidUntil = now.AddDays(60),
        Lines = [.. lines],
    };

    private static QuoteLineEntity Line(int number, string sku, string description, decimal quantity, decimal unitPrice, decimal discountPercent) =>
        new() { LineNumber = number, Sku = sku, Description = description, Quantity = quantity, UnitPrice = unitPrice, DiscountPercent = discountPercent };
}
