using ApiPlatform.Contracts.Crm;
using ApiPlatform.Messaging;
using ApiPlatform.Messaging.Admin;
using ApiPlatform.ServiceDefaults;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Data;
using ApiPlatform.ServiceDefaults.Validation;
using ApiPlatform.SystemApis.Crm.Apis;
using ApiPlatform.SystemApis.Crm.Connectors;
using ApiPlatform.SystemApis.Crm.Data;
using ApiPlatform.SystemApis.Crm.Events;
using ApiPlatform.VendorConnectors.Telemetry;

namespace ApiPlatform.SystemApis.Crm;

public static class CrmExtensions
{
    /// <summary>
    /// Adds the crm system API, its embedded reference CRM and the vendor CRMs (Salesforce, HubSpot) that
    /// <c>Crm:Connectors:{tenant}</c> may choose.
    /// </summary>
    public static WebApplicationBuilder AddCrm(this WebApplicationBuilder builder)
    {
        builder.AddVersionedApis();
        builder.AddServiceDatabase<CrmDbContext>("crm");
        builder.Services.AddDatabaseSeeder<CrmDbContext, CrmSeeder>();
        builder.Services.AddValidatorsFrom<CreateAccountRequest>();
        builder.Services.AddScoped<CrmChangeFeed>();
        builder.AddMessaging<CrmDbContext>(messaging => messaging.Publishes<AccountChanged>().Publishes<QuoteApproved>().Publishes<CrmConnectorMappingFailed>().Publishes<CrmConnectorHealthSampled>());
        builder.AddCrmConnectors();
        builder.Services.AddConnectorTelemetry<CrmDbContext, CrmConnectorMappingFailed, CrmConnectorHealthSampled>("crm",
            (failure, tenant, correlationId, at) => new(failure.System, failure.Connector, failure.Field, failure.Operation, tenant, correlationId, at),
            s => new(s.System, s.Replica, s.From, s.To, s.Connectors, s.OutboxBacklog, s.OutboxOldestAgeSeconds, s.OpenDeadLetters));
        return builder;
    }

    public static WebApplication MapCrm(this WebApplication app)
    {
        var v1 = app.MapApiVersion("crm", 1);
        v1.MapAccountsApi();
        v1.MapContactsApi();
        v1.MapOpportunitiesApi();
        v1.MapQuotesApi();
        app.MapMessagingAdmin();
        return app;
    }
}
