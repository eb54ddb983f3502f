using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Data;
using ApiPlatform.SystemApis.Crm.Apis;
using ApiPlatform.SystemApis.Crm.Data;

namespace ApiPlatform.SystemApis.Crm;

public static class CrmExtensions
{
    /// <summary>Adds the crm system API and its embedded reference CRM.</summary>
    public static WebApplicationBuilder AddCrm(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<CrmDbContext>("crm");
        builder.Services.AddDatabaseSeeder<CrmDbContext, CrmSeeder>();
        return builder;
    }

    public static WebApplication MapCrm(this WebApplication app)
    {
        var v1 = app.MapApiVersion("crm", 1);
        v1.MapAccountsApi();
        v1.MapQuotesApi();
        return app;
    }
}
