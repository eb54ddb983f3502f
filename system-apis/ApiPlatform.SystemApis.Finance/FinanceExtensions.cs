using ApiPlatform.Contracts.Finance;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Data;
using ApiPlatform.ServiceDefaults.Validation;
using ApiPlatform.SystemApis.Finance.Apis;
using ApiPlatform.SystemApis.Finance.Data;

namespace ApiPlatform.SystemApis.Finance;

public static class FinanceExtensions
{
    /// <summary>Adds the finance system API and its embedded reference finance system.</summary>
    public static WebApplicationBuilder AddFinance(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<FinanceDbContext>("finance");
        builder.Services.AddDatabaseSeeder<FinanceDbContext, FinanceSeeder>();
        builder.Services.AddValidatorsFrom<CreditAssessmentRequest>();
        return builder;
    }

    public static WebApplication MapFinance(this WebApplication app)
    {
        app.MapApiVersion("finance", 1).MapCreditAssessmentsApi();
        return app;
    }
}
