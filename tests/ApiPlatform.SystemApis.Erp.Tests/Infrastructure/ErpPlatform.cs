using ApiPlatform.SystemApis.Erp.Data;
using Microsoft.Extensions.DependencyInjection;
using WireMock.Server;

namespace ApiPlatform.SystemApis.Erp.Tests.Infrastructure;

/// <summary>The platform on SQLite with erp serving tenant <c>initech</c> from SAP S/4HANA Cloud (WireMock); acme and globex stay embedded.</summary>
public sealed class ErpPlatform : SystemApiPlatform
{
    public const string SapTenant = "initech";

    public WireMockServer Sap { get; } = WireMockServer.Start();

    protected override bool OnPostgres => false;

    protected override Dictionary<string, string?> Configuration() => new()
    {
        [$"Erp:Connectors:{SapTenant}"] = "sap",
        ["Erp:Sap:BaseUrl"] = Sap.Url,
        ["Erp:Sap:Username"] = SapStubs.Username,
        ["Erp:Sap:Password"] = SapStubs.Password,
        ["Erp:Sap:CustomerCurrency"] = "EUR",
        ["Erp:Sap:AttemptTimeoutSeconds"] = "2",
        ["Erp:Sap:TotalTimeoutSeconds"] = "5",
    };

    /// <summary>How many records of a tenant the embedded ERP holds: a vendor tenant's must stay zero.</summary>
    public int EmbeddedRecordsOf(string tenant)
    {
        using var scope = Platform.Services("erp").CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ErpDbContext>();
        return db.SalesOrders.Count(o => o.Tenant == tenant) + db.Customers.Count(c => c.Tenant == tenant) + db.Reservations.Count(r => r.Tenant == tenant);
    }

    protected override IEnumerable<WireMockServer> Vendors => [Sap];
}

[CollectionDefinition(Name)]
public sealed class ErpCollection : ICollectionFixture<ErpPlatform>
{
    public const string Name = "erp-sqlite";
}

[CollectionDefinition(Name)]
public sealed class ErpPostgresCollection : ICollectionFixture<PostgresPlatform>
{
    public const string Name = "erp-postgres";
}
