using ApiPlatform.ServiceDefaults.Data;
using ApiPlatform.Contracts.Crm;
using ApiPlatform.Messaging.Outbox;
using ApiPlatform.SystemApis.Crm.Data;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.SystemApis.Crm.Events;

/// <summary>
/// Where crm announces its state changes (<c>crm.account.changed.v1</c>, <c>crm.quote.approved.v1</c>) through the
/// outbox of its own database. <see cref="InTransactionAsync{T}"/> makes the write and its event one transaction: for
/// the embedded CRM both rows commit together; for a vendor CRM the event is recorded right after the vendor accepted
/// the write.
/// </summary>
public sealed class CrmChangeFeed(CrmDbContext db, IEventPublisher publisher, TimeProvider time)
{
    public Task<T> InTransactionAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken) =>
        db.InTransactionAsync(write, cancellationToken);

    public Task AccountChangedAsync(Account account, CancellationToken cancellationToken)
    {
        publisher.Publish(AccountChanged.From(account, time.GetUtcNow()));
        return db.SaveChangesAsync(cancellationToken);
    }

    public Task QuoteApprovedAsync(Quote quote, CancellationToken cancellationToken)
    {
        publisher.Publish(QuoteApproved.From(quote, time.GetUtcNow()));
        return db.SaveChangesAsync(cancellationToken);
    }
}
