using System.Globalization;
using ApiPlatform.Contracts.Crm;
using ApiPlatform.Contracts.Erp;
using ApiPlatform.Contracts.Events;
using ApiPlatform.Contracts.Finance;
using ApiPlatform.ExperienceApis.Analytics.Data;
using ApiPlatform.Messaging.Consumers;

namespace ApiPlatform.ExperienceApis.Analytics.Projections;

/// <summary>
/// The system APIs' connector events as integration health: each mapping failure as a row, each health sample as one
/// row per connector plus one for the system's messaging. Rows are keyed by event id, and the inbox applies an event
/// once, so a replay counts nothing twice.
/// </summary>
internal sealed class ProjectConnectorHealth(AnalyticsDbContext db) :
    IEventHandler<CrmConnectorMappingFailed>, IEventHandler<ErpConnectorMappingFailed>, IEventHandler<FinanceConnectorMappingFailed>,
    IEventHandler<CrmConnectorHealthSampled>, IEventHandler<ErpConnectorHealthSampled>, IEventHandler<FinanceConnectorHealthSampled>
{
    public Task HandleAsync(CrmConnectorMappingFailed e, EventContext context, CancellationToken cancellationToken) => Failed(e, context);

    public Task HandleAsync(ErpConnectorMappingFailed e, EventContext context, CancellationToken cancellationToken) => Failed(e, context);

    public Task HandleAsync(FinanceConnectorMappingFailed e, EventContext context, CancellationToken cancellationToken) => Failed(e, context);

    public Task HandleAsync(CrmConnectorHealthSampled e, EventContext context, CancellationToken cancellationToken) => Sampled(e, context);

    public Task HandleAsync(ErpConnectorHealthSampled e, EventContext context, CancellationToken cancellationToken) => Sampled(e, context);

    public Task HandleAsync(FinanceConnectorHealthSampled e, EventContext context, CancellationToken cancellationToken) => Sampled(e, context);

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
        db.MessagingSamples.Add(new MessagingSampleEntity
        {
            Id = context.EventId,
            System = e.System,
            At = to,
            OutboxBacklog = e.OutboxBacklog,
            OutboxOldestAgeSeconds = e.OutboxOldestAgeSeconds,
            OpenDeadLetters = e.OpenDeadLetters,
        });
        return Task.CompletedTask;
    }
}
