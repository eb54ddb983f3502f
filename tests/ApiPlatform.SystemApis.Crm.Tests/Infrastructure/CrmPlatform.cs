using WireMock.Server;

namespace ApiPlatform.SystemApis.Crm.Tests.Infrastructure;

/// <summary>
/// The platform on SQLite with crm serving tenant <c>initech</c> from Salesforce and <c>umbrella</c> from HubSpot (the
/// acquisition), each stood in for by a WireMock server; acme and globex stay on the embedded CRM.
/// </summary>
public sealed class CrmPlatform : SystemApiPlatform
{
    public const string SalesforceTenant = "initech";
    public const string HubSpotTenant = "umbrella";

    public WireMockServer Salesforce { get; } = WireMockServer.Start();

    public WireMockServer HubSpot { get; } = WireMockServer.Start();

    protected override bool OnPostgres => false;

    protected override Dictionary<string, string?> Configuration() => new()
    {
        [$"Crm:Connectors:{SalesforceTenant}"] = "salesforce",
        [$"Crm:Connectors:{HubSpotTenant}"] = "hubspot",
        ["Crm:Salesforce:BaseUrl"] = Salesforce.Url,
        ["Crm:Salesforce:ClientId"] = SalesforceStubs.ClientId,
        ["Crm:Salesforce:ClientSecret"] = "initech-connected-app-secret",
        ["Crm:Salesforce:AttemptTimeoutSeconds"] = "2",
        ["Crm:Salesforce:TotalTimeoutSeconds"] = "5",
        ["Crm:Salesforce:MaxResponseBytes"] = "262144",
        ["Crm:HubSpot:BaseUrl"] = HubSpot.Url,
        ["Crm:HubSpot:AccessToken"] = HubSpotStubs.AccessToken,
        ["Crm:HubSpot:CompanyCurrency"] = "USD",
        ["Crm:HubSpot:AttemptTimeoutSeconds"] = "2",
        ["Crm:HubSpot:TotalTimeoutSeconds"] = "5",
    };

    protected override IEnumerable<WireMockServer> Vendors => [Salesforce, HubSpot];
}

[CollectionDefinition(Name)]
public sealed class CrmCollection : ICollectionFixture<CrmPlatform>
{
    public const string Name = "crm-sqlite";
}

[CollectionDefinition(Name)]
public sealed class CrmPostgresCollection : ICollectionFixture<PostgresPlatform>
{
    public const string Name = "crm-postgres";
}
