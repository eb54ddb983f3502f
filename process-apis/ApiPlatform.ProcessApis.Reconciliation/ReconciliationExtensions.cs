using ApiPlatform.Contracts.Erp;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.Contracts.Reconciliation;
using ApiPlatform.Messaging;
using ApiPlatform.Messaging.Admin;
using ApiPlatform.Messaging.Configuration;
using ApiPlatform.Messaging.Health;
using ApiPlatform.ProcessApis.Reconciliation.Apis;
using ApiPlatform.ProcessApis.Reconciliation.Data;
using ApiPlatform.ProcessApis.Reconciliation.Events;
using ApiPlatform.ProcessApis.Reconciliation.Runs;
using ApiPlatform.ProcessApis.Reconciliation.Sources;
using ApiPlatform.ServiceDefaults;
using ApiPlatform.ServiceDefaults.Apis;
using ApiPlatform.ServiceDefaults.Clients;
using ApiPlatform.ServiceDefaults.Data;
using ApiPlatform.ServiceDefaults.Validation;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ApiPlatform.ProcessApis.Reconciliation;

public static class ReconciliationExtensions
{
    /// <summary>
    /// Adds the reconciliation process API: runs and exceptions in its own database, the background worker that runs
    /// queued runs under a lease, the cron schedule that queues them, its paging clients of erp and finance, and its events
    /// (runs completed, exceptions opened, resolved and cleared; its messaging health) through the outbox.
    /// </summary>
    public static WebApplicationBuilder AddReconciliation(this WebApplicationBuilder builder)
    {
        builder.AddVersionedApis();
        builder.AddServiceDatabase<ReconciliationDbContext>("reconciliation");
        builder.Services.AddValidatorsFrom<StartRunRequest>();
        builder.Services.AddOptions<ReconciliationOptions>().BindConfiguration(ReconciliationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ReconciliationOptions>, ReconciliationOptionsValidator>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.AddApiClient<IErpApi>("system", "erp");
        builder.AddApiClient<IFinanceApi>("system", "finance");
        builder.Services.AddScoped<IDocumentSource, SystemApiDocumentSource>();
        builder.Services.AddScoped<Reconciler>();
        builder.Services.AddScoped<ExceptionStore>();
        builder.Services.AddScoped<RunQueue>();
        builder.Services.AddHostedService<RunWorker>();
        builder.Services.AddHostedService<RunSchedule>();
        builder.AddMessaging<ReconciliationDbContext>(m => m.PublishesReconciliationEvents());
        builder.Services.AddMessagingHealthSampling<ReconciliationDbContext, ReconciliationMessagingHealthSampled>("reconciliation", (service, w) =>
            new(service, w.Replica, w.From, w.To, w.OutboxBacklog, w.OutboxOldestAgeSeconds, w.OpenDeadLetters));
        return builder;
    }

    public static WebApplication MapReconciliation(this WebApplication app)
    {
        var v1 = app.MapApiVersion("reconciliation", 1);
        v1.MapRunsApi();
        v1.MapExceptionsApi();
        app.MapMessagingAdmin();
        return app;
    }
}
