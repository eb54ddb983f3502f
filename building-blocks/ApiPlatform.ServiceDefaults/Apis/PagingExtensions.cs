using ApiPlatform.Contracts;
using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.ServiceDefaults.Apis;

public static class PagingExtensions
{
    /// <summary>One page of an ordered query, mapped to its contract, with the total count of the query.</summary>
    public static async Task<Page<TResult>> ToPageAsync<TEntity, TResult>(
        this IQueryable<TEntity> ordered, PageRequest page, Func<TEntity, TResult> map, CancellationToken cancellationToken)
    {
        var total = await ordered.CountAsync(cancellationToken);
        var items = await ordered.Skip(page.Skip).Take(page.Take).ToListAsync(cancellationToken);
        return new Page<TResult>(items.ConvertAll(e => map(e)), total, page.Skip, page.Take);
    }
}
