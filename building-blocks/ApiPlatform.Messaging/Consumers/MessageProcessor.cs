using ApiPlatform.Messaging.Envelope;
using ApiPlatform.Messaging.Inbox;
using ApiPlatform.Messaging.Monitoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApiPlatform.Messaging.Consumers;

/// <summary>
/// Applies one event once per group: the inbox is checked and written in the same transaction as the handler's
/// changes, so a redelivered or replayed event that was already applied changes nothing.
/// </summary>
internal sealed class MessageProcessor<TContext>(IServiceScopeFactory scopes, TimeProvider clock) where TContext : DbContext
{
    /// <summary>Returns false when the group had already applied the event.</summary>
    public async Task<bool> ProcessAsync(
        CloudEvent cloudEvent, HandlerRegistration handler, int attempt, CancellationToken cancellationToken)
    {
        try
        {
            return await ApplyAsync(cloudEvent, handler, attempt, cancellationToken);
        }
        catch (DbUpdateException) when (!cancellationToken.IsCancellationRequested)
        {
            // Another consumer may have applied it concurrently (a reclaim racing a slow handler): its inbox row won.
            if (await AlreadyAppliedAsync(cloudEvent.Id, handler.Group, cancellationToken))
            {
                return false;
            }
            throw;
        }
    }

    private async Task<bool> ApplyAsync(CloudEvent cloudEvent, HandlerRegistration handler, int attempt, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<TContext>();
        await using var transaction = await database.Database.BeginTransactionAsync(cancellationToken);
        var inbox = database.Set<InboxMessage>();
        if (await inbox.AnyAsync(i => i.EventId == cloudEvent.Id && i.Group == handler.Group, cancellationToken))
        {
            return false;
        }

        using (MessagingTelemetry.StartProcessing(cloudEvent, handler.Group))
        {
            var context = new EventContext(cloudEvent.Id, cloudEvent.Type, cloudEvent.Source, cloudEvent.Subject,
                cloudEvent.Tenant, cloudEvent.Time, handler.Group, attempt) { CorrelationId = cloudEvent.CorrelationId };
            await handler.InvokeAsync(scope.ServiceProvider, cloudEvent, context, cancellationToken);
        }
        inbox.Add(new InboxMessage
        {
            EventId = cloudEvent.Id,
            Group = handler.Group,
            Type = cloudEvent.Type,
            ProcessedAt = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        });
        await database.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task<bool> AlreadyAppliedAsync(string eventId, string group, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TContext>().Set<InboxMessage>()
            .AnyAsync(i => i.EventId == eventId && i.Group == group, cancellationToken);
    }
}
