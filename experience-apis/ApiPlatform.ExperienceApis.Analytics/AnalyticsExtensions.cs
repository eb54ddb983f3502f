using ApiPlatform.Contracts.Analytics;
using ApiPlatform.ExperienceApis.Analytics.Apis;
using ApiPlatform.ExperienceApis.Analytics.Data;
using ApiPlatform.ExperienceApis.Analytics.Projections;
using ApiPlatform.Messaging;
using ApiPlatform.Messaging.Admin;
using ApiPlatform.Messaging.Health;
using ApiPlatform.ServiceDefaults;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Data;
using ApiPlatform.ServiceDefaults.Validation;
using Microsoft.Extensions.Options;

namespace ApiPlatform.ExperienceApis.Analytics;

public static class AnalyticsExtensions
{
    /// <summary>
    /// Adds the analytics experience API over its read model of business transactions and integration health, projected
    /// from the integration events of crm, erp, finance, quote-to-cash, procure-to-pay and reconciliation (and the messaging
    /// health samples of the process APIs and of analytics itself, which it publishes through its own outbox) by its own
    /// consumer group.
    /// </summary>
    public static WebApplicationBuilder AddAnalytics(this WebApplicationBuilder builder)
    {
        builder.AddVersionedApis();
        builder.AddServiceDatabase<AnalyticsDbContext>("analytics");
        builder.Services.AddOptions<AnalyticsOptions>().BindConfiguration(AnalyticsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AnalyticsOptions>, AnalyticsOptionsValidator>();
        builder.Services.AddValidatorsFrom<KpiQuery>();
        builder.Services.AddScoped<TransactionProjector>();
        builder.Services.AddScoped<ProjectionRebuild>();
        builder.AddMessaging<AnalyticsDbContext>(m => m.ProjectsTransactions().Publishes<AnalyticsMessagingHealthSampled>());
        builder.Services.AddMessagingHealthSampling<AnalyticsDbContext, AnalyticsMessagingHealthSampled>("analytics", (service, w) =>
            new(service, w.Replica, w.From, w.To, w.OutboxBacklog, w.OutboxOldestAgeSeconds, w.OpenDeadLetters));
        return builder;
    }

    public static WebApplication MapAnalytics(this WebApplication app)
    {
        var v1 = app.MapApiVersion("analytics", 1);
        v1.MapTransactionsApi();
        v1.MapKpisApi();
        v1.MapIntegrationHealthApi();
        app.MapMessagingAdmin().MapProjectionAdmin();
        return app;
    }
}
