namespace ApiPlatform.Identity.Clients;

/// <summary>
/// Syncs scopes and clients from the catalog before the server accepts requests. It runs in the starting phase, after
/// the database initializer registered before it has created the schema.
/// </summary>
internal sealed class CatalogSynchronizer(IServiceProvider services) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ScopeSynchronizer>().SyncAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<ApplicationSynchronizer>().SyncAsync(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
