using System.Linq.Expressions;
using ApiPlatform.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.SystemApis.Crm.Connectors.Embedded;

internal sealed partial class EmbeddedCrmConnector
{
    private static IQueryable<T> OfTenant<T>(IQueryable<T> records, string? tenant) where T : class, ITenantOwned =>
        tenant is null ? records : records.Where(r => r.Tenant == tenant);

    /// <summary>Adds a record unless one with the same creation key exists; a concurrent twin that wins the race is answered instead.</summary>
    private async Task<Written<TContract>> AddOnceAsync<TEntity, TContract>(
        IQueryable<TEntity> existing, TEntity entity, Expression<Func<TEntity, bool>> sameKey, Func<TEntity, TContract> map, CancellationToken cancellationToken)
        where TEntity : class
    {
        if (await existing.AsNoTracking().FirstOrDefaultAsync(sameKey, cancellationToken) is { } earlier)
        {
            return new Written<TContract>(map(earlier), Created: false);
        }

        db.Add(entity);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new Written<TContract>(map(entity), Created: true);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var winner = await existing.AsNoTracking().FirstOrDefaultAsync(sameKey, cancellationToken);
            return winner is null ? throw new InvalidOperationException("A create failed without a concurrent twin.") : new Written<TContract>(map(winner), Created: false);
        }
    }
}
