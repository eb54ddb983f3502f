using ApiPlatform.ExperienceApis.Analytics;
using ApiPlatform.ExperienceApis.PartnerPortal;
using ApiPlatform.Gateway;
using ApiPlatform.Identity;
using ApiPlatform.ProcessApis.ProcureToPay;
using ApiPlatform.ProcessApis.QuoteToCash;
using ApiPlatform.ProcessApis.Reconciliation;
using ApiPlatform.ServiceDefaults;
using ApiPlatform.SystemApis.Crm;
using ApiPlatform.SystemApis.Erp;
using ApiPlatform.SystemApis.Finance;

namespace ApiPlatform.AppHost;

/// <summary>Every service in start order, composed exactly as each service's own Program.cs composes it.</summary>
public static class PlatformServices
{
    public static readonly IReadOnlyList<ServiceDefinition> All =
    [
        new("identity", "platform", typeof(IdentityServerExtensions).Assembly,
            b => b.AddServiceDefaults().AddIdentityServer(), a => a.MapDefaultEndpoints().MapIdentityServer(), [], false),
        new("crm", "system", typeof(CrmExtensions).Assembly,
            b => b.AddServiceDefaults().AddCrm(), a => a.MapDefaultEndpoints().MapCrm(), [], false),
        new("erp", "system", typeof(ErpExtensions).Assembly,
            b => b.AddServiceDefaults().AddErp(), a => a.MapDefaultEndpoints().MapErp(), [], false),
        new("finance", "system", typeof(FinanceExtensions).Assembly,
            b => b.AddServiceDefaults().AddFinance(), a => a.MapDefaultEndpoints().MapFinance(), [], false),
        new("quote-to-cash", "process", typeof(QuoteToCashExtensions).Assembly,
            b => b.AddServiceDefaults().AddQuoteToCash(), a => a.MapDefaultEndpoints().MapQuoteToCash(), ["crm", "finance", "erp"], true),
        new("procure-to-pay", "process", typeof(ProcureToPayExtensions).Assembly,
            b => b.AddServiceDefaults().AddProcureToPay(), a => a.MapDefaultEndpoints().MapProcureToPay(), ["erp", "finance"], true),
        new("reconciliation", "process", typeof(ReconciliationExtensions).Assembly,
            b => b.AddServiceDefaults().AddReconciliation(), a => a.MapDefaultEndpoints().MapReconciliation(), ["erp", "finance"], true),
        new("partner-portal", "experience", typeof(PartnerPortalExtensions).Assembly,
            b => b.AddServiceDefaults().AddPartnerPortal(), a => a.MapDefaultEndpoints().MapPartnerPortal(), ["crm", "erp", "finance", "quote-to-cash"], true),
        new("analytics", "experience", typeof(AnalyticsExtensions).Assembly,
            b => b.AddServiceDefaults().AddAnalytics(), a => a.MapDefaultEndpoints().MapAnalytics(), [], true),
        new("gateway", "platform", typeof(GatewayExtensions).Assembly,
            b => b.AddServiceDefaults().AddGateway(), a => a.UseGatewayPolicies().MapDefaultEndpoints().MapGateway(), [], false),
    ];
}
