using System.Text.Json;
using ApiPlatform.SystemApis.Erp.Connectors.Embedded;
using ApiPlatform.SystemApis.Erp.Connectors.Sap;
using ApiPlatform.VendorConnectors.Http;
using ApiPlatform.VendorConnectors.Routing;
using Microsoft.Extensions.Options;

namespace ApiPlatform.SystemApis.Erp.Connectors;

/// <summary>
/// The ERPs a tenant may be served by (<c>Erp:Connectors:{tenant}</c> = embedded | sap). SAP's settings (<c>Erp:Sap</c>)
/// are required, and validated at start, only when a tenant uses it.
/// </summary>
internal static class ErpConnectorRegistration
{
    public const string Section = "Erp";

    // OData entity properties are PascalCase, as SAP names them.
    private static readonly JsonSerializerOptions SapJson = new(VendorClientExtensions.VendorJson) { PropertyNamingPolicy = null };

    public static void AddErpConnectors(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var routing = services.AddConnectorRouting<IErpConnector>(builder.Configuration, Section, ConnectorRoutingOptions.Embedded, SapErpConnector.SystemName);
        services.AddKeyedScoped<IErpConnector, EmbeddedErpConnector>(ConnectorRoutingOptions.Embedded);
        if (routing.Uses(SapErpConnector.SystemName))
        {
            services.AddVendorOptions<SapOptions>(SapOptions.Section);
            services.AddVendorClient<ISapApi>(SapErpConnector.SystemName, provider => provider.GetRequiredService<IOptions<SapOptions>>().Value, SapJson)
                .AddHttpMessageHandler(provider => new SapAuthHandler(provider.GetRequiredService<IOptions<SapOptions>>()))
                .AddHttpMessageHandler(() => new ODataQueryOptionsHandler())
                .AddHttpMessageHandler(() => new SapCsrfHandler());
            services.AddKeyedScoped<IErpConnector, SapErpConnector>(SapErpConnector.SystemName);
        }
    }
}
