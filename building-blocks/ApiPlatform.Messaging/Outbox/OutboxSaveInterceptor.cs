using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ApiPlatform.Messaging.Outbox;

/// <summary>Notifies the relay after a save that wrote outbox rows (a commit the relay may now see).</summary>
internal sealed class OutboxSaveInterceptor(OutboxSignal signal) : SaveChangesInterceptor
{
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Notify(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Notify(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Notify(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null && context?.ChangeTracker.Entries<OutboxMessage>().Any() == true)
        {
            signal.Notify();
        }
    }
}
