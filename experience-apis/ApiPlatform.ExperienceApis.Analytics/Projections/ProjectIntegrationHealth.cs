using System.Globalization;
using ApiPlatform.Contracts.Analytics;
using ApiPlatform.Contracts.Crm;
using ApiPlatform.Contracts.Erp;
using ApiPlatform.Contracts.Events;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.Contracts.ProcureToPay;
using ApiPlatform.Contracts.QuoteToCash;
using ApiPlatform.Contracts.Reconciliation;
using ApiPlatform.ExperienceApis.Analytics.Data;
using ApiPlatform.Messaging.Consumers;

namespace ApiPlatform.ExperienceApis.Analytics.Projections;

/// <summary>
/// Integration health from every service's samples and the system APIs' connector events: each mapping failure as a
/// row; each system API's health sample as one row per connector plus one for its messaging; each other service's
/// (quote-to-cash, procure-to-pay, reconciliation, analytics) as the same messaging row. Rows are keyed by event id, and
/// the inbox applies an event once, so a replay counts nothing twice.
/// </summary>
internal sealed class ProjectIntegrationHealth(AnalyticsDbContext db) :
    IEventHandler<CrmConnectorMappingFailed>, IEventHandler<ErpConnectorMappingFailed>, IEventHandler<FinanceConnectorMappingFailed>,
    IEventHandler<CrmConnectorHealthSampled>, IEventHandler<ErpConnectorHealthSampled>, IEventHandler<FinanceConnectorHealthSampled>,
    IEventHandler<QuoteToCashMessagingHealthSampled>, IEventHandler<ProcureToPayMessagingHealthSampled>,
    IEventHandler<ReconciliationMessagingHealthSampled>, IEventHandler<AnalyticsMessagingHealthSampled>
{
    public Task HandleAsync(CrmConnectorMappingFailed e, EventContext context, CancellationToken cancellationToken) => Failed(e, context);

    public Task HandleAsync(ErpConnectorMappingFailed e, EventContext context, CancellationToken cancellationToken) => Failed(e, context);

    public Task HandleAsync(FinanceConnectorMappingFailed e, EventContext context, CancellationToken cancellationToken) => Failed(e, context);

    public Task HandleAsync(CrmConnectorHealthSampled e, EventContext context, CancellationToken cancellationToken) => Sampled(e, context);

    public Task HandleAsync(ErpConnectorHealthSampled e, EventContext context, CancellationToken cancellationToken) => Sampled(e, context);

    public Task HandleAsync(FinanceConnectorHealthSampled e, EventContext context, CancellationToken cancellationToken) => Sampled(e, context);

    public Task HandleAsync(QuoteToCashMessagingHealthSampled e, EventContext context, CancellationToken cancellationToken) => Sampled(e, context);

    public Task HandleAsync(ProcureToPayMessagingHealthSampled e, EventContext context, CancellationToken cancellationToken) => Sampled(e, context);

    public Task HandleAsync(ReconciliationMessagingHealthSampled e, EventContext context, CancellationToken cancellationToken) => Sampled(e, context);

    public Task HandleAsync(AnalyticsMessagingHealthSampled e, EventContext context, CancellationToken cancellationToken) => Sampled(e, context);

    private Task Failed(ConnectorMappingFailed e, EventContext context)
    {
        db.MappingFailures.Add(new MappingFailureEntity
        {
            Id = context.EventId,
            System = e.System,
            Connector = e.Connector,
            Field = e.Field,
            VendorOperation = e.VendorOperation,
            Tenant = e.Tenant,
            CorrelationId = e.CorrelationId ?? context.CorrelationId,
            At = e.FailedAt.ToUnixTimeMilliseconds(),
        });
        return Task.CompletedTask;
    }

    private Task Sampled(ConnectorHealthSampled e, EventContext context)
    {
        var (from, to) = (e.From.ToUnixTimeMilliseconds(), e.To.ToUnixTimeMilliseconds());
        foreach (var connector in e.Connectors.DistinctBy(c => c.Connector))
        {
            db.ConnectorSamples.Add(new ConnectorSampleEntity
            {
                Id = $"{context.EventId}:{connector.Connector}",
                System = e.System,
                Connector = connector.Connector,
                From = from,
                To = to,
                Calls = connector.Calls,
                Failures = string.Join(';', connector.Failures.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Status}/{f.Cause}={f.Calls}"))),
                LatencyBuckets = string.Join(',', connector.LatencyBuckets.Select(b => b.ToString(CultureInfo.InvariantCulture))),
            });
        }
        return Messaging(context, e.System, e.To, e.OutboxBacklog, e.OutboxOldestAgeSeconds, e.OpenDeadLetters);
    }

    private Task Sampled(MessagingHealthSampled e, EventContext context) =>
        Messaging(context, e.Service, e.To, e.OutboxBacklog, e.OutboxOldestAgeSeconds, e.OpenDeadLetters);

    /// <summary>One service's outbox and dead letters at the end of a sample, whichever kind of sample told them.</summary>
    private Task Messaging(EventContext context, string system, DateTimeOffset at, long outboxBacklog, double outboxOldestAgeSeconds, long openDeadLetters)
    {
        db.MessagingSamples.Add(new MessagingSampleEntity
        {
            Id = context.EventId,
            System = system,
            At = at.ToUnixTimeMilliseconds(),
            OutboxBacklog = outboxBacklog,
            OutboxOldestAgeSeconds = outboxOldestAgeSeconds,
            OpenDeadLetters = openDeadLetters,
        });
        return Task.CompletedTask;
    }
}
