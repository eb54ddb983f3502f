using ApiPlatform.Contracts.Erp;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.Contracts.ProcureToPay;
using ApiPlatform.Messaging;
using ApiPlatform.Messaging.Admin;
using ApiPlatform.Messaging.Health;
using ApiPlatform.ProcessApis.ProcureToPay.Apis;
using ApiPlatform.ProcessApis.ProcureToPay.Data;
using ApiPlatform.ProcessApis.ProcureToPay.Events;
using ApiPlatform.ProcessApis.ProcureToPay.Workflows;
using ApiPlatform.ServiceDefaults;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Clients;
using ApiPlatform.ServiceDefaults.Data;
using ApiPlatform.ServiceDefaults.Validation;
using ApiPlatform.Workflows;
using ApiPlatform.Workflows.Admin;
using Microsoft.Extensions.Options;

namespace ApiPlatform.ProcessApis.ProcureToPay;

public static class ProcureToPayExtensions
{
    /// <summary>
    /// Adds the procure-to-pay process API: requisitions as durable workflows in its own database (run in the
    /// background), their events through the outbox, the handler that follows goods receipts from ERP, the exception
    /// work list, and its clients of erp and finance.
    /// </summary>
    public static WebApplicationBuilder AddProcureToPay(this WebApplicationBuilder builder)
    {
        builder.AddVersionedApis();
        builder.AddServiceDatabase<ProcureToPayDbContext>("procure-to-pay");
        builder.Services.AddValidatorsFrom<CreateRequisition>();
        builder.Services.AddOptions<ProcureToPayOptions>().BindConfiguration(ProcureToPayOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ProcureToPayOptions>, ProcureToPayOptionsValidator>();
        builder.AddApiClient<IErpApi>("system", "erp");
        builder.AddApiClient<IFinanceApi>("system", "finance");
        builder.Services.AddScoped<Requisitions>();
        builder.AddWorkflows<ProcureToPayDbContext>(w => w.Runs<RequisitionWorkflow, ProcurementState>());
        builder.AddMessaging<ProcureToPayDbContext>(m => m
            .Publishes<ProcureToPayMessagingHealthSampled>()
            .Publishes<RequisitionSubmitted>().Publishes<RequisitionStepCompleted>().Publishes<RequisitionWaiting>()
            .Publishes<RequisitionMilestone>().Publishes<RequisitionPaid>().Publishes<RequisitionEnded>()
            .Handles<GoodsReceiptCreated, RecordGoodsReceipt>("procure-to-pay-receipts"));
        builder.Services.AddMessagingHealthSampling<ProcureToPayDbContext, ProcureToPayMessagingHealthSampled>("procure-to-pay", (service, w) =>
            new(service, w.Replica, w.From, w.To, w.OutboxBacklog, w.OutboxOldestAgeSeconds, w.OpenDeadLetters));
        return builder;
    }

    public static WebApplication MapProcureToPay(this WebApplication app)
    {
        var v1 = app.MapApiVersion("procure-to-pay", 1);
        v1.MapRequisitionsApi();
        v1.MapExceptionsApi();
        app.MapWorkflowAdmin();
        app.MapMessagingAdmin();
        return app;
    }
}
