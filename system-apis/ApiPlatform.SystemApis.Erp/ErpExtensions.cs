using ApiPlatform.Contracts.Erp;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Data;
using ApiPlatform.ServiceDefaults.Validation;
using ApiPlatform.SystemApis.Erp.Apis;
using ApiPlatform.SystemApis.Erp.Data;

namespace ApiPlatform.SystemApis.Erp;

public static class ErpExtensions
{
    /// <summary>Adds the erp system API and its embedded reference ERP.</summary>
    public static WebApplicationBuilder AddErp(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ErpDbContext>("erp");
        builder.Services.AddValidatorsFrom<CreateSalesOrderRequest>();
        return builder;
    }

    public static WebApplication MapErp(this WebApplication app)
    {
        app.MapApiVersion("erp", 1).MapSalesOrdersApi();
        return app;
    }
}
