using ApiPlatform.ProcessApis.ProcureToPay.Apis;
using ApiPlatform.ProcessApis.ProcureToPay.Data;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Data;
using ApiPlatform.ServiceDefaults.Validation;

namespace ApiPlatform.ProcessApis.ProcureToPay;

public static class ProcureToPayExtensions
{
    /// <summary>Adds the procure-to-pay process API. Requisitions are its first resource; the workflow comes later.</summary>
    public static WebApplicationBuilder AddProcureToPay(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ProcureToPayDbContext>("procure-to-pay");
        builder.Services.AddValidatorsFrom<CreateRequisition>();
        return builder;
    }

    public static WebApplication MapProcureToPay(this WebApplication app)
    {
        app.MapApiVersion("procure-to-pay", 1).MapRequisitionsApi();
        return app;
    }
}
