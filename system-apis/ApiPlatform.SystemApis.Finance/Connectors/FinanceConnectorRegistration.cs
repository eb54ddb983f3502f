using ApiPlatform.SystemApis.Finance.Connectors.Embedded;
using ApiPlatform.SystemApis.Finance.Connectors.Stripe;
using ApiPlatform.VendorConnectors.Http;
using ApiPlatform.VendorConnectors.Routing;
using Microsoft.Extensions.Options;

namespace ApiPlatform.SystemApis.Finance.Connectors;

/// <summary>
/// The subscription billing systems a tenant may be served by (<c>Finance:Billing:Connectors:{tenant}</c> = embedded | stripe).
/// Stripe's settings (<c>Finance:Stripe</c>) are required, and validated at start, only when a tenant uses it.
/// </summary>
public static class FinanceConnectorRegistration
{
    public const string BillingSection = "Finance:Billing";

    public static void AddFinanceConnectors(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var routing = services.AddConnectorRouting<IBillingConnector>(builder.Configuration, BillingSection, ConnectorRoutingOptions.Embedded, StripeBillingConnector.SystemName);
        services.AddKeyedScoped<IBillingConnector, EmbeddedBillingConnector>(ConnectorRoutingOptions.Embedded);
        if (routing.Uses(StripeBillingConnector.SystemName))
        {
            services.AddVendorOptions<StripeOptions>(StripeOptions.Section);
            services.AddVendorClient<IStripeApi>(StripeBillingConnector.SystemName, provider => provider.GetRequiredService<IOptions<StripeOptions>>().Value,
                    StripeBillingConnector.Json)
                .AddHttpMessageHandler(provider => new StripeAuthHandler(provider.GetRequiredService<IOptions<StripeOptions>>()));
            services.AddKeyedScoped<IBillingConnector, StripeBillingConnector>(StripeBillingConnector.SystemName);
        }
    }
}
