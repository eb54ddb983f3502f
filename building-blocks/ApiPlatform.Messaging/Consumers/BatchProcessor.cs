using ApiPlatform.Messaging.Envelope;
using ApiPlatform.Messaging.Inbox;
using ApiPlatform.Messaging.Monitoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ApiPlatform.Messaging.Consumers;

/// <summary>
/// Applies a batch of first deliveries in one database transaction: each event still gets its own scope and DbContext
/// (so handlers see what earlier events wrote), but the batch commits once. A failing handler rolls the whole batch
/// back; the worker then retries that event on its own and applies the others again without it. Saves in a batch
/// take no savepoint (two round trips per event saved); an event during which any save failed rolls the batch back
/// too, even when its handler caught the failure, and is applied on its own, where a savepoint undoes a failed save.
/// </summary>
internal sealed class BatchProcessor<TContext>(IServiceScopeFactory scopes, TimeProvider clock) where TContext : DbContext
{
    /// <summary>For each event, whether it was applied (false: the group had already applied it).</summary>
    public async Task<bool[]> ProcessAsync(IReadOnlyList<(CloudEvent Event, HandlerRegistration Handler)> batch, CancellationToken cancellationToken)
    {
        await using var owner = scopes.CreateAsyncScope();
        var database = owner.ServiceProvider.GetRequiredService<TContext>();
        await using var transaction = await database.Database.BeginTransactionAsync(cancellationToken);
        var group = batch[0].Handler.Group;
        var ids = batch.Select(b => b.Event.Id).Distinct().ToList();
        var seen = (await database.Set<InboxMessage>().Where(i => i.Group == group && ids.Contains(i.EventId))
            .Select(i => i.EventId).ToListAsync(cancellationToken)).ToHashSet();
        var applied = new bool[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            if (seen.Add(batch[i].Event.Id))
            {
                try
                {
                    await ApplyAsync(batch[i].Event, batch[i].Handler, database.Database.GetDbConnection(), transaction, cancellationToken);
                }
                catch (SaveFailedException ex)
                {
                    throw new BatchItemException(i, ex.InnerException ?? ex, needsOwnTransaction: true);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new BatchItemException(i, ex, needsOwnTransaction: false);
                }
                applied[i] = true;
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return applied;
    }

    private async Task ApplyAsync(
        CloudEvent cloudEvent, HandlerRegistration handler, System.Data.Common.DbConnection connection, IDbContextTransaction transaction,
        CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<TContext>();
        database.Database.SetDbConnection(connection, contextOwnsConnection: false);
        await database.Database.UseTransactionAsync(transaction.GetDbTransaction(), cancellationToken);
        // SaveChanges inside a transaction it did not begin wraps itself in a savepoint: two more round trips per event.
        // Without one a failed save leaves its partial writes in the transaction, so any failed save sends the event
        // to its own transaction (SaveFailedException), whether or not the handler caught it.
        database.Database.AutoSavepointsEnabled = false;
        var saveFailed = false;
        database.SaveChangesFailed += (_, _) => saveFailed = true;
        try
        {
            using (MessagingTelemetry.StartProcessing(cloudEvent, handler.Group))
            {
                var context = new EventContext(cloudEvent.Id, cloudEvent.Type, cloudEvent.Source, cloudEvent.Subject,
                    cloudEvent.Tenant, cloudEvent.Time, handler.Group, 1) { CorrelationId = cloudEvent.CorrelationId };
                await handler.InvokeAsync(scope.ServiceProvider, cloudEvent, context, cancellationToken);
            }
            database.Set<InboxMessage>().Add(new InboxMessage
            {
                EventId = cloudEvent.Id,
                Group = handler.Group,
                Type = cloudEvent.Type,
                ProcessedAt = clock.GetUtcNow().ToUnixTimeMilliseconds(),
            });
            await database.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (saveFailed && !cancellationToken.IsCancellationRequested)
        {
            throw new SaveFailedException(ex);
        }
        if (saveFailed)
        {
            throw new SaveFailedException(null);
        }
    }

    private sealed class SaveFailedException(Exception? inner)
        : Exception("A save failed while the event was applied in a batch; it is applied on its own.", inner);
}
