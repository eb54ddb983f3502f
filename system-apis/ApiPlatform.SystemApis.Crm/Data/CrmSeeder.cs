using ApiPlatform.Contracts.Crm;
using ApiPlatform.ServiceDefaults.Data;

namespace ApiPlatform.SystemApis.Crm.Data;

/// <summary>Demo accounts (with their hierarchy), contacts, opportunities and quotes for the tenants acme and globex.</summary>
internal sealed class CrmSeeder(TimeProvider time) : IDatabaseSeeder<CrmDbContext>
{
    public async Task SeedAsync(CrmDbContext database, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        database.Accounts.AddRange(
            Account("acc-acme-001", "acme", "ACME Manufacturing GmbH", null, "DE", "EUR", "Manufacturing", now),
            Account("acc-acme-002", "acme", "ACME Logistics GmbH", "acc-acme-001", "DE", "EUR", "Transportation", now),
            Account("acc-acme-003", "acme", "ACME Service Austria GmbH", "acc-acme-001", "AT", "EUR", "Industrial services", now),
            Account("acc-globex-001", "globex", "Globex Corporation", null, "US", "USD", "Technology", now),
            Account("acc-globex-002", "globex", "Globex Data Centers LLC", "acc-globex-001", "US", "USD", "Technology", now));
        database.Contacts.AddRange(
            Contact("con-acme-001", "acme", "acc-acme-001", "Katrin", "Vogel", "k.vogel@acme-manufacturing.example", "+49 711 5550 120", "Head of Procurement"),
            Contact("con-acme-002", "acme", "acc-acme-002", "Jonas", "Becker", "j.becker@acme-logistics.example", "+49 40 5550 311", "Fleet Manager"),
            Contact("con-acme-003", "acme", "acc-acme-003", "Lena", "Huber", "l.huber@acme-service.example", "+43 1 5550 870", "Service Director"),
            Contact("con-globex-001", "globex", "acc-globex-001", "Hank", "Scorpio", "hank.scorpio@globex.example", "+1 555 0100", "CEO"),
            Contact("con-globex-002", "globex", "acc-globex-002", "Maria", "Lopez", "m.lopez@globex-dc.example", "+1 555 0142", "Infrastructure Lead"));
        database.Opportunities.AddRange(
            Opportunity("opp-acme-001", "acme", "acc-acme-001", "Pump line retrofit 2027", OpportunityStage.Proposal, 180_000m, "EUR", now, 45),
            Opportunity("opp-acme-002", "acme", "acc-acme-002", "Warehouse robotics", OpportunityStage.Negotiation, 950_000m, "EUR", now, 60),
            Opportunity("opp-globex-001", "globex", "acc-globex-001", "Data center expansion", OpportunityStage.Qualification, 420_000m, "USD", now, 90));

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

    private static AccountEntity Account(string id, string tenant, string name, string? parent, string country, string currency, string industry, DateTimeOffset now) =>
        new() { Id = id, Tenant = tenant, Name = name, ParentAccountId = parent, Country = country, Currency = currency, Industry = industry, UpdatedAt = now.AddDays(-30) };

    private static ContactEntity Contact(string id, string tenant, string accountId, string first, string last, string email, string phone, string title) =>
        new() { Id = id, Tenant = tenant, AccountId = accountId, FirstName = first, LastName = last, Email = email, Phone = phone, Title = title };

    private static OpportunityEntity Opportunity(string id, string tenant, string accountId, string name, OpportunityStage stage, decimal amount, string currency, DateTimeOffset now, int closeInDays) =>
        new() { Id = id, Tenant = tenant, AccountId = accountId, Name = name, Stage = stage, Amount = amount, Currency = currency, CloseDate = DateOnly.FromDateTime(now.UtcDateTime).AddDays(closeInDays) };

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
