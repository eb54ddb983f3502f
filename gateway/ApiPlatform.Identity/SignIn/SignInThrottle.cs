using ApiPlatform.Identity.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ApiPlatform.Identity.SignIn;

/// <summary>
/// Limits failed sign-ins per account name in a fixed window, counted in the token server's database so every replica
/// sees the same count. Unknown names are counted like known ones, so the limit tells nothing about who exists.
/// </summary>
internal sealed class SignInThrottle(TokenServerDbContext db, IOptions<IdentityServerOptions> options, TimeProvider time)
{
    private SignInOptions Settings => options.Value.SignIn;

    private long Now => time.GetUtcNow().ToUnixTimeMilliseconds();

    private long WindowCutoff => Now - Settings.FailureWindowMinutes * 60_000L;

    public static string AccountOf(string userName)
    {
        var account = userName.Trim().ToLowerInvariant();
        return account.Length <= SignInFailure.MaxAccountLength ? account : account[..SignInFailure.MaxAccountLength];
    }

    public async Task<bool> IsLockedAsync(string account, CancellationToken cancellationToken)
    {
        var cutoff = WindowCutoff;
        return await db.SignInFailures.AsNoTracking().AnyAsync(
            f => f.Account == account && f.WindowStartedAtMs > cutoff && f.Failures >= Settings.MaxFailuresPerAccount, cancellationToken);
    }

    public async Task RecordFailureAsync(string account, CancellationToken cancellationToken)
    {
        var cutoff = WindowCutoff;
        // One atomic increment within the window; otherwise the window starts again at this failure.
        if (await db.SignInFailures.Where(f => f.Account == account && f.WindowStartedAtMs > cutoff)
                .ExecuteUpdateAsync(f => f.SetProperty(x => x.Failures, x => x.Failures + 1), cancellationToken) > 0)
        {
            return;
        }
        var restarted = await db.SignInFailures.Where(f => f.Account == account)
            .ExecuteUpdateAsync(f => f.SetProperty(x => x.Failures, 1).SetProperty(x => x.WindowStartedAtMs, Now), cancellationToken);
        if (restarted == 0)
        {
            db.SignInFailures.Add(new SignInFailure { Account = account, Failures = 1, WindowStartedAtMs = Now });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another replica inserted the row first: count this failure on it.
                db.ChangeTracker.Clear();
                await db.SignInFailures.Where(f => f.Account == account)
                    .ExecuteUpdateAsync(f => f.SetProperty(x => x.Failures, x => x.Failures + 1), cancellationToken);
            }
        }
    }

    public Task ResetAsync(string account, CancellationToken cancellationToken) =>
        db.SignInFailures.Where(f => f.Account == account).ExecuteDeleteAsync(cancellationToken);
}
