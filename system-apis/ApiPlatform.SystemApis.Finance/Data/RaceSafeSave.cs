using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.SystemApis.Finance.Data;

internal static class RaceSafeSave
{
    /// <summary>
    /// Saves a keyed create. When a concurrent create with the same key committed first, the unique index refuses this
    /// one: returns that winner, found by <paramref name="findWinner"/>, for the caller to answer as the replay; null
    /// when this create was saved.
    /// </summary>
    public static async Task<T?> SaveOrFindWinnerAsync<T>(this FinanceDbContext db, Func<Task<T?>> findWinner, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await findWinner() is { } winner)
            {
                return winner;
            }
            throw;
        }
    }
}
