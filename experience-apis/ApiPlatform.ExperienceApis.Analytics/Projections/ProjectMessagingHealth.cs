using ApiPlatform.Contracts.Analytics;
using ApiPlatform.Contracts.Events;
using ApiPlatform.Contracts.ProcureToPay;
using ApiPlatform.Contracts.QuoteToCash;
using ApiPlatform.Contracts.Reconciliation;
using ApiPlatform.ExperienceApis.Analytics.Data;
using ApiPlatform.Messaging.Consumers;

namespace ApiPlatform.ExperienceApis.Analytics.Projections;

/// <summary>
/// The messaging health samples of the services without connectors (quote-to-cash, procure-to-pay, reconciliation and
/// analytics itself), as the same rows the system APIs' samples give: one per event id, so a replay counts nothing twice.
/// </summary>
internal sealed class ProjectMessagingHealth(AnalyticsDbContext db) :
    IEventHandler<QuoteToCashMessagingHealthSampled>, IEventHandler<ProcureToPayMessagingHealthSampled>,
    IEventHandler<ReconciliationMessagingHealthSampled>, IEventHandler<AnalyticsMessagingHealthSampled>
{
    public Task HandleAsync(QuoteToCashMessagingHealthSampled e, EventContext context, CancellationToken cancellationToken) => Sampled(e, context);

    public Task HandleAsync(ProcureToPayMessagingHealthSampled e, EventContext context, CancellationToken cancellationToken) => Sampled(e, context);

    public Task HandleAsync(ReconciliationMessagingHealthSampled e, EventContext context, CancellationToken cancellationToken) => Sampled(e, context);

    public Task HandleAsync(AnalyticsMessagingHealthSampled e, EventContext context, CancellationToken cancellationToken) => Sampled(e, context);

    private Task Sampled(MessagingHealthSampled e, EventContext context)
    {
        db.MessagingSamples.Add(new MessagingSampleEntity
        {
            Id = context.EventId,
            System = e.Service,
            At = e.To.ToUnixTimeMilliseconds(),
            OutboxBacklog = e.OutboxBacklog,
            OutboxOldestAgeSeconds = e.OutboxOldestAgeSeconds,
            OpenDeadLetters = e.OpenDeadLetters,
        });
        return Task.CompletedTask;
    }
}
