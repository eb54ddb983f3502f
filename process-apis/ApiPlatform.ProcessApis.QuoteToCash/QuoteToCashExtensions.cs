using ApiPlatform.Contracts.Crm;
using ApiPlatform.Contracts.Erp;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.Contracts.QuoteToCash;
using ApiPlatform.ProcessApis.QuoteToCash.Apis;
using ApiPlatform.ProcessApis.QuoteToCash.Data;
using ApiPlatform.ProcessApis.QuoteToCash.Workflows;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Clients;
using ApiPlatform.ServiceDefaults.Data;
using ApiPlatform.ServiceDefaults.Validation;

namespace ApiPlatform.ProcessApis.QuoteToCash;

public static class QuoteToCashExtensions
{
    /// <summary>Adds the quote-to-cash process API, its workflow store and its clients of crm, finance and erp.</summary>
    public static WebApplicationBuilder AddQuoteToCash(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<QuoteToCashDbContext>("quote-to-cash");
        builder.Services.AddValidatorsFrom<CreateOrderRequest>();
        builder.AddApiClient<ICrmApi>("system", "crm");
        builder.AddApiClient<IFinanceApi>("system", "finance");
        builder.AddApiClient<IErpApi>("system", "erp");
        builder.Services.AddScoped<OrderRequestWorkflow>();
        return builder;
    }

    public static WebApplication MapQuoteToCash(this WebApplication app)
    {
        app.MapApiVersion("quote-to-cash", 1).MapOrderRequestsApi();
        return app;
    }
}
