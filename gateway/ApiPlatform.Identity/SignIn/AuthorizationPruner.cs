using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace ApiPlatform.Identity.SignIn;

/// <summary>
/// Every hour, deletes the authorization entries no code or refresh token can use any more: each redemption makes a new
/// entry, so one older than a refresh token's lifetime is spent, whatever its status. Without this the table would grow
/// by one row per sign-in and per refresh.
/// </summary>
internal sealed class AuthorizationPruner(IServiceScopeFactory scopes, IOptions<IdentityServerOptions> options, TimeProvider time,
    ILogger<AuthorizationPruner> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(5);

    public async Task<long> PruneAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var threshold = time.GetUtcNow() - TimeSpan.FromMinutes(options.Value.SignIn.RefreshTokenLifetimeMinutes) - Margin;
        return await scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>().PruneAsync(threshold, cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var pruned = await PruneAsync(stoppingToken);
                logger.LogInformation("Pruned {Count} spent authorization entries", pruned);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Pruning spent authorization entries failed; the next hour tries again");
            }
        }
    }
}
