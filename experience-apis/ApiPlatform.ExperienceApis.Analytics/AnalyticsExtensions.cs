using ApiPlatform.ServiceDefaults;
using ApiPlatform.ExperienceApis.Analytics.Apis;
using ApiPlatform.ExperienceApis.Analytics.Data;
using ApiPlatform.ExperienceApis.Analytics.Projections;
using ApiPlatform.Messaging;
using ApiPlatform.Messaging.Admin;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Data;
using ApiPlatform.ServiceDefaults.Validation;
using Microsoft.Extensions.Options;

namespace ApiPlatform.ExperienceApis.Analytics;

public static class AnalyticsExtensions
{
    /// <summary>
    /// Adds the analytics experience API over its read model of business transactions and integration health, projected
    /// from the integration events of crm, erp, finance, quote-to-cash and procure-to-pay by its own consumer group.
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
        builder.AddMessaging<AnalyticsDbContext>(m => m.ProjectsTransactions());
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
