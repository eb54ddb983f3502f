using ApiPlatform.Contracts.Crm;
using ApiPlatform.Contracts.Erp;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.Contracts.QuoteToCash;
using ApiPlatform.ExperienceApis.PartnerPortal.Apis;
using ApiPlatform.ExperienceApis.PartnerPortal.Apis.V2;
using ApiPlatform.ExperienceApis.PartnerPortal.Composition;
using ApiPlatform.ExperienceApis.PartnerPortal.Data;
using ApiPlatform.ServiceDefaults;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Auth;
using ApiPlatform.ServiceDefaults.Clients;
using ApiPlatform.ServiceDefaults.Data;

namespace ApiPlatform.ExperienceApis.PartnerPortal;

public static class PartnerPortalExtensions
{
    public const string PartnerPolicy = "partner";

    /// <summary>
    /// Adds the partner portal experience API: tenant-scoped views over crm, quote-to-cash, erp and finance. v1 is
    /// deprecated; v2 tells orders as their quote-to-cash process and serves invoices and the balance.
    /// </summary>
    public static WebApplicationBuilder AddPartnerPortal(this WebApplicationBuilder builder)
    {
        builder.AddVersionedApis();
        builder.AddServiceDatabase<PortalDbContext>("partner-portal");
        builder.AddApiClient<ICrmApi>("system", "crm");
        builder.AddApiClient<IErpApi>("system", "erp");
        builder.AddApiClient<IFinanceApi>("system", "finance");
        builder.AddApiClient<IQuoteToCashApi>("process", "quote-to-cash");
        builder.Services.AddOptions<CompositionOptions>().BindConfiguration(CompositionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ViewComposer>();
        builder.Services.AddAuthorizationBuilder().AddPolicy(PartnerPolicy, policy => policy
            .RequireScope("experience:partner-portal")
            .RequireClaim(ClaimsPrincipalExtensions.TenantClaim));
        return builder;
    }

    public static WebApplication MapPartnerPortal(this WebApplication app)
    {
        var v1 = app.MapApiVersion("partner-portal", 1).RequireAuthorization(PartnerPolicy);
        v1.MapPartnerQuotesApi("Partner", PartnerOrdersApi.OrderQuote);
        v1.MapPartnerOrdersApi();

        var v2 = app.MapApiVersion("partner-portal", 2).RequireAuthorization(PartnerPolicy);
        v2.MapPartnerQuotesApi("Portal", OrdersApi.OrderQuote);
        v2.MapOrdersApi();
        v2.MapInvoicesApi();
        return app;
    }
}
