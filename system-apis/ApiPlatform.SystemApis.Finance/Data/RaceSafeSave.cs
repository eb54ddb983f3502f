using Microsoft.EntityFrameworkCore;

namespace ApiPlatform.SystemApis.Finance.Data;

internal static class RaceSafeSave
{
    /// <summary>Saves a keyed create with <c>SaveChanges</c>; see <see cref="SaveOrFindWinnerAsync{T}(FinanceDbContext, Func{Task}, Func{Task{T}})"/>.</summary>
    public static Task<T?> SaveOrFindWinnerAsync<T>(this FinanceDbContext db, Func<Task<T?>> findWinner, CancellationToken cancellationToken)
        where T : class =>
        db.SaveOrFindWinnerAsync(() => db.SaveChangesAsync(cancellationToken), findWinner);

    /// <summary>
    /// Saves a keyed create through <paramref name="save"/> (the change feed's save of the create with its event). When a
    /// concurrent create with the same key committed first, the unique index refuses this one: returns that winner, found
    /// by <paramref name="findWinner"/>, for the caller to answer as the replay; null when this create was saved.
    /// </summary>
    public static async Task<T?> SaveOrFindWinnerAsync<T>(this FinanceDbContext db, Func<Task> save, Func<Task<T?>> findWinner)
        where T : class
    {
        try
        {
            await save();
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
