using ApiPlatform.SystemApis.Finance.Data;
using Microsoft.Extensions.DependencyInjection;
using WireMock.Server;

namespace ApiPlatform.SystemApis.Finance.Tests.Infrastructure;

/// <summary>The platform on SQLite with finance billing tenant <c>initech</c> through Stripe (WireMock); acme and globex use the embedded billing system.</summary>
public sealed class FinancePlatform : SystemApiPlatform
{
    public const string StripeTenant = "initech";
    public const string WebhookSecret = "whsec_test0initech0signing0secret";

    public WireMockServer Stripe { get; } = WireMockServer.Start();

    protected override bool OnPostgres => false;

    protected override Dictionary<string, string?> Configuration() => new()
    {
        [$"Finance:Billing:Connectors:{StripeTenant}"] = "stripe",
        ["Finance:Stripe:BaseUrl"] = Stripe.Url,
        ["Finance:Stripe:SecretKey"] = StripeStubs.SecretKey,
        ["Finance:Stripe:WebhookSecret"] = WebhookSecret,
        ["Finance:Stripe:AttemptTimeoutSeconds"] = "2",
        ["Finance:Stripe:TotalTimeoutSeconds"] = "5",
    };

    /// <summary>
    /// What finance recorded of these events of a tenant's billing system (by their ids there): the events and the journal
    /// entries traced to them. Other tests of the collection record events of the same tenant; they do not count.
    /// </summary>
    public (int Events, int JournalEntries) RecordedOf(string tenant, string system, params string[] eventIds)
    {
        using var scope = Platform.Services("finance").CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FinanceDbContext>();
        return (db.BillingEvents.Count(e => e.Tenant == tenant && e.SourceSystem == system && eventIds.Contains(e.SourceId)),
            db.JournalEntries.Count(e => e.Tenant == tenant && e.OriginSystem == system && eventIds.Contains(e.OriginId!)));
    }

    protected override IEnumerable<WireMockServer> Vendors => [Stripe];
}

[CollectionDefinition(Name)]
public sealed class FinanceCollection : ICollectionFixture<FinancePlatform>
{
    public const string Name = "finance-sqlite";
}

[CollectionDefinition(Name)]
public sealed class FinancePostgresCollection : ICollectionFixture<PostgresPlatform>
{
    public const string Name = "finance-postgres";
}
