using ApiPlatform.Contracts.Finance;
using ApiPlatform.Messaging;
using ApiPlatform.Messaging.Admin;
using ApiPlatform.ServiceDefaults;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Data;
using ApiPlatform.ServiceDefaults.Validation;
using ApiPlatform.SystemApis.Finance.Apis;
using ApiPlatform.SystemApis.Finance.Billing;
using ApiPlatform.SystemApis.Finance.Connectors;
using ApiPlatform.SystemApis.Finance.Credit;
using ApiPlatform.SystemApis.Finance.Data;
using ApiPlatform.SystemApis.Finance.Events;
using ApiPlatform.SystemApis.Finance.Ledger;
using ApiPlatform.SystemApis.Finance.Payables;
using ApiPlatform.SystemApis.Finance.Receivables;
using ApiPlatform.SystemApis.Finance.Tax;
using ApiPlatform.VendorConnectors.Telemetry;

namespace ApiPlatform.SystemApis.Finance;

public static class FinanceExtensions
{
    /// <summary>
    /// Adds the finance system API and its embedded reference finance system (credit, tax, receivables, payables, general
    /// ledger, subscription billing), the Stripe connector that <c>Finance:Billing:Connectors:{tenant}</c> may choose, and the
    /// integration events (<c>finance.*</c>) it publishes through its outbox.
    /// </summary>
    public static WebApplicationBuilder AddFinance(this WebApplicationBuilder builder)
    {
        builder.AddVersionedApis();
        builder.AddServiceDatabase<FinanceDbContext>("finance");
        builder.Services.AddDatabaseSeeder<FinanceDbContext, FinanceReferenceSeeder>();
        builder.Services.AddDatabaseSeeder<FinanceDbContext, FinanceSeeder>();
        builder.Services.AddValidatorsFrom<CreditAssessmentRequest>();
        builder.Services.AddScoped<TaxCalculator>();
        builder.Services.AddScoped<GeneralLedger>();
        builder.Services.AddScoped<PaymentAllocator>();
        builder.Services.AddScoped<InvoiceBook>();
        builder.Services.AddScoped<InvoiceAdjustments>();
        builder.Services.AddScoped<PaymentBook>();
        builder.Services.AddScoped<AccountBalances>();
        builder.Services.AddScoped<CreditDesk>();
        builder.Services.AddScoped<SupplierInvoiceBook>();
        builder.Services.AddScoped<JournalBook>();
        builder.Services.AddScoped<BillingRecorder>();
        builder.Services.AddScoped<FinanceChangeFeed>();
        builder.AddMessaging<FinanceDbContext>(messaging => messaging
            .Publishes<InvoiceIssued>().Publishes<InvoiceVoided>().Publishes<CreditNoteIssued>()
            .Publishes<PaymentRecorded>().Publishes<PaymentApplied>().Publishes<BillingEventPosted>().Publishes<FinanceConnectorMappingFailed>().Publishes<FinanceConnectorHealthSampled>());
        builder.AddFinanceConnectors();
        builder.Services.AddConnectorTelemetry<FinanceDbContext, FinanceConnectorMappingFailed, FinanceConnectorHealthSampled>("finance",
            (failure, tenant, correlationId, at) => new(failure.System, failure.Connector, failure.Field, failure.Operation, tenant, correlationId, at),
            s => new(s.System, s.Replica, s.From, s.To, s.Connectors, s.OutboxBacklog, s.OutboxOldestAgeSeconds, s.OpenDeadLetters));
        return builder;
    }

    public static WebApplication MapFinance(this WebApplication app)
    {
        var v1 = app.MapApiVersion("finance", 1);
        v1.MapCreditAssessmentsApi();
        v1.MapTaxApi();
        v1.MapInvoicesApi();
        v1.MapPaymentsApi();
        v1.MapBalancesApi();
        v1.MapJournalEntriesApi();
        v1.MapTrialBalanceApi();
        v1.MapSupplierInvoicesApi();
        v1.MapBillingApi();
        app.MapStripeWebhook();
        app.MapMessagingAdmin();
        return app;
    }
}
