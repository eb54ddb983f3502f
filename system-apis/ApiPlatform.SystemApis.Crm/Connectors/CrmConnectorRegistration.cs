using ApiPlatform.SystemApis.Crm.Connectors.Embedded;
using ApiPlatform.SystemApis.Crm.Connectors.HubSpot;
using ApiPlatform.SystemApis.Crm.Connectors.Salesforce;
using ApiPlatform.VendorConnectors.Http;
using ApiPlatform.VendorConnectors.Routing;
using Microsoft.Extensions.Options;

namespace ApiPlatform.SystemApis.Crm.Connectors;

/// <summary>
/// The CRMs a tenant may be served by (<c>Crm:Connectors:{tenant}</c> = embedded | salesforce | hubspot). A vendor's
/// settings (<c>Crm:Salesforce</c>, <c>Crm:HubSpot</c>) are required, and validated at start, only when a tenant uses it.
/// </summary>
internal static class CrmConnectorRegistration
{
    public const string Section = "Crm";

    public static void AddCrmConnectors(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var routing = services.AddConnectorRouting<ICrmConnector>(
            builder.Configuration, Section, ConnectorRoutingOptions.Embedded, SalesforceCrmConnector.SystemName, HubSpotCrmConnector.SystemName);
        services.AddKeyedScoped<ICrmConnector, EmbeddedCrmConnector>(ConnectorRoutingOptions.Embedded);

        if (routing.Uses(SalesforceCrmConnector.SystemName))
        {
            services.AddVendorOptions<SalesforceOptions>(SalesforceOptions.Section);
            services.AddSingleton<SalesforceTokenSource>();
            services.AddVendorClient<ISalesforceAuthApi>("salesforce-auth", Salesforce);
            services.AddVendorClient<ISalesforceApi>(SalesforceCrmConnector.SystemName, Salesforce)
                .AddHttpMessageHandler(provider => new SalesforceTokenHandler(provider.GetRequiredService<SalesforceTokenSource>()));
            services.AddKeyedScoped<ICrmConnector, SalesforceCrmConnector>(SalesforceCrmConnector.SystemName);
        }

        if (routing.Uses(HubSpotCrmConnector.SystemName))
        {
            services.AddVendorOptions<HubSpotOptions>(HubSpotOptions.Section);
            services.AddVendorClient<IHubSpotApi>(HubSpotCrmConnector.SystemName, HubSpot)
                .AddHttpMessageHandler(provider => new HubSpotAuthHandler(provider.GetRequiredService<IOptions<HubSpotOptions>>()));
            services.AddKeyedScoped<ICrmConnector, HubSpotCrmConnector>(HubSpotCrmConnector.SystemName);
        }
    }

    private static VendorEndpointOptions Salesforce(IServiceProvider provider) => provider.GetRequiredService<IOptions<SalesforceOptions>>().Value;

    private static VendorEndpointOptions HubSpot(IServiceProvider provider) => provider.GetRequiredService<IOptions<HubSpotOptions>>().Value;
}
