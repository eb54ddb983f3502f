using ApiPlatform.ExperienceApis.Analytics.Data;
using ApiPlatform.Messaging.Inbox;
using ApiPlatform.Messaging.Transports;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.ExperienceApis.Analytics.Projections;

/// <summary>
/// Rebuilds the read model from the retained event streams: clears it and the projection's inbox in one transaction,
/// then moves the consumer group back to the start of every topic it reads. An event applied between the two steps
/// keeps its inbox row, so its replay is a duplicate: nothing is counted twice. Such an event is applied before the
/// replayed ones that precede it, so every projection sets state by the events' own times, not by arrival.
/// </summary>
internal sealed class ProjectionRebuild(AnalyticsDbContext db, IMessageTransport transport)
{
    public async Task<int> RebuildAsync(CancellationToken cancellationToken)
    {
        int cleared;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            cleared = await db.Transactions.ExecuteDeleteAsync(cancellationToken);
            await db.TimelineEntries.ExecuteDeleteAsync(cancellationToken);
            await db.TransactionLinks.ExecuteDeleteAsync(cancellationToken);
            await db.MappingFailures.ExecuteDeleteAsync(cancellationToken);
            await db.ConnectorSamples.ExecuteDeleteAsync(cancellationToken);
            await db.MessagingSamples.ExecuteDeleteAsync(cancellationToken);
            await db.ReconciliationRuns.ExecuteDeleteAsync(cancellationToken);
            await db.ReconciliationEvents.ExecuteDeleteAsync(cancellationToken);
            await db.ReconciliationExceptions.ExecuteDeleteAsync(cancellationToken);
            await db.Set<InboxMessage>().Where(i => i.Group == Projection.Group).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        foreach (var topic in Projection.Topics)
        {
            await transport.ResetGroupAsync(topic, Projection.Group, cancellationToken);
        }
        return cleared;
    }
}
