using ApiPlatform.ExperienceApis.Analytics.Apis;
using ApiPlatform.ExperienceApis.Analytics.Data;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Data;

namespace ApiPlatform.ExperienceApis.Analytics;

public static class AnalyticsExtensions
{
    /// <summary>Adds the analytics experience API over its read model of business transactions.</summary>
    public static WebApplicationBuilder AddAnalytics(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<AnalyticsDbContext>("analytics");
        return builder;
    }

    public static WebApplication MapAnalytics(this WebApplication app)
    {
        app.MapApiVersion("analytics", 1).MapTransactionsApi();
        return app;
    }
}
