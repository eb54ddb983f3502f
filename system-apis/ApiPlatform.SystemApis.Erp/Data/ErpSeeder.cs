using ApiPlatform.ServiceDefaults.Data;

namespace ApiPlatform.SystemApis.Erp.Data;

/// <summary>The demo catalog, price lists, stock, customers (synchronized from the crm seed) and suppliers of acme and globex.</summary>
internal sealed class ErpSeeder(TimeProvider time) : IDatabaseSeeder<ErpDbContext>
{
    public async Task SeedAsync(ErpDbContext database, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        database.Products.AddRange(ErpSeedData.Products);
        database.PriceLists.AddRange(ErpSeedData.PriceLists(DateOnly.FromDateTime(now.UtcDateTime)));
        database.Stock.AddRange(ErpSeedData.Stock.Select(s => new StockEntity { Sku = s.Sku, Warehouse = s.Warehouse, OnHand = s.OnHand, UpdatedAt = now }));
        database.Customers.AddRange(
            Customer("cus-acme-001", "acme", "C-100001", "acc-acme-001", "ACME Manufacturing GmbH", "DE", "EUR", "Industriestraße 12", "Stuttgart", "70565", "BW", now),
            Customer("cus-acme-002", "acme", "C-100002", "acc-acme-002", "ACME Logistics GmbH", "DE", "EUR", "Hafenstraße 3", "Hamburg", "20457", "HH", now),
            Customer("cus-acme-003", "acme", "C-100003", "acc-acme-003", "ACME Service Austria GmbH", "AT", "EUR", "Ringstraße 8", "Wien", "1010", "9", now),
            Customer("cus-globex-001", "globex", "C-200001", "acc-globex-001", "Globex Corporation", "US", "USD", "1 Globex Way", "Cypress Creek", "97401", "OR", now),
            Customer("cus-globex-002", "globex", "C-200002", "acc-globex-002", "Globex Data Centers LLC", "US", "USD", "400 Server Row", "Austin", "78701", "TX", now));
        database.Suppliers.AddRange(
            new SupplierEntity { Id = "sup-acme-001", Tenant = "acme", Number = "V-300001", Name = "Hydraulik Nord AG", Country = "DE", Currency = "EUR", PaymentTermsDays = 30 },
            new SupplierEntity { Id = "sup-acme-002", Tenant = "acme", Number = "V-300002", Name = "Robotics Components s.r.o.", Country = "CZ", Currency = "EUR", PaymentTermsDays = 45 },
            new SupplierEntity { Id = "sup-globex-001", Tenant = "globex", Number = "V-400001", Name = "Pacific Rack Systems Inc.", Country = "US", Currency = "USD", PaymentTermsDays = 30 });
        await database.SaveChangesAsync(cancellationToken);
    }

    private static CustomerEntity Customer(string id, string tenant, string number, string accountId, string name, string country, string currency,
        string line1, string city, string postalCode, string region, DateTimeOffset now) => new()
    {
        Id = id, Tenant = tenant, Number = number, CrmAccountId = accountId, Name = name, Country = country, Currency = currency,
        Line1 = line1, City = city, PostalCode = postalCode, Region = region, UpdatedAt = now.AddDays(-30),
    };
}
