using ApiPlatform.Contracts.Crm;
using ApiPlatform.Contracts.Erp;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.Contracts.QuoteToCash;
using ApiPlatform.Messaging;
using ApiPlatform.Messaging.Admin;
using ApiPlatform.Messaging.Health;
using ApiPlatform.ProcessApis.QuoteToCash.Apis;
using ApiPlatform.ProcessApis.QuoteToCash.Data;
using ApiPlatform.ProcessApis.QuoteToCash.Events;
using ApiPlatform.ProcessApis.QuoteToCash.Workflows;
using ApiPlatform.ServiceDefaults;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Clients;
using ApiPlatform.ServiceDefaults.Data;
using ApiPlatform.ServiceDefaults.Validation;
using ApiPlatform.Workflows;
using ApiPlatform.Workflows.Admin;
using Microsoft.Extensions.Options;

namespace ApiPlatform.ProcessApis.QuoteToCash;

public static class QuoteToCashExtensions
{
    /// <summary>
    /// Adds the quote-to-cash process API: order requests as durable workflows in its own database (run in the
    /// background), its events through the outbox, the handlers that start orders from approved quotes and follow them
    /// to shipment and payment, and its clients of crm, finance and erp.
    /// </summary>
    public static WebApplicationBuilder AddQuoteToCash(this WebApplicationBuilder builder)
    {
        builder.AddVersionedApis();
        builder.AddServiceDatabase<QuoteToCashDbContext>("quote-to-cash");
        builder.Services.AddValidatorsFrom<CreateOrderRequest>();
        builder.Services.AddOptions<QuoteToCashOptions>().BindConfiguration(QuoteToCashOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<QuoteToCashOptions>, QuoteToCashOptionsValidator>();
        builder.AddApiClient<ICrmApi>("system", "crm");
        builder.AddApiClient<IFinanceApi>("system", "finance");
        builder.AddApiClient<IErpApi>("system", "erp");
        builder.Services.AddScoped<OrderRequests>();
        builder.AddWorkflows<QuoteToCashDbContext>(w => w.Runs<OrderWorkflow, OrderState>());
        builder.AddMessaging<QuoteToCashDbContext>(m => m
            .Publishes<QuoteToCashMessagingHealthSampled>()
            .Publishes<OrderRequestStarted>().Publishes<OrderRequestStepCompleted>().Publishes<OrderRequestAwaitingApproval>()
            .Publishes<OrderRequestCompleted>().Publishes<OrderRequestRejected>().Publishes<OrderRequestFailed>()
            .Publishes<OrderRequestCancelled>().Publishes<OrderRequestCompensationFailed>()
            .Publishes<OrderRequestShipped>().Publishes<OrderRequestPaid>()
            .Handles<QuoteApproved, StartOrderOnQuoteApproved>("quote-to-cash-orders")
            .Handles<ShipmentCreated, RecordShipment>("quote-to-cash-shipments")
            .Handles<PaymentRecorded, RecordPayment>("quote-to-cash-payments")
            .Handles<PaymentApplied, RecordPayment>("quote-to-cash-payments"));
        builder.Services.AddMessagingHealthSampling<QuoteToCashDbContext, QuoteToCashMessagingHealthSampled>("quote-to-cash", (service, w) =>
            new(service, w.Replica, w.From, w.To, w.OutboxBacklog, w.OutboxOldestAgeSeconds, w.OpenDeadLetters));
        return builder;
    }

    public static WebApplication MapQuoteToCash(this WebApplication app)
    {
        app.MapApiVersion("quote-to-cash", 1).MapOrderRequestsApi();
        app.MapWorkflowAdmin();
        app.MapMessagingAdmin();
        return app;
    }
}
