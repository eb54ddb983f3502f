using Microsoft.Extensions.Options;

namespace ApiPlatform.Gateway.Lifecycle;

/// <summary>
/// Keeps this replica's lifecycle snapshot equal to the store's: loads it before serving, reloads on every change
/// announced over pub/sub, and polls the revision every <c>Gateway:Lifecycle:PollInterval</c> in case one was missed.
/// </summary>
internal sealed partial class LifecycleSync(
    ILifecycleStore store, ApiLifecycleRegistry registry, IOptions<LifecycleOptions> options, TimeProvider time,
    ILogger<LifecycleSync> logger) : BackgroundService
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public string? LastError { get; private set; }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await RefreshAsync();
        try
        {
            await store.SubscribeAsync(() => _ = RefreshAsync()).WaitAsync(options.Value.StoreTimeout, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSyncFailed(logger, ex);
        }
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RefreshAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Loads the overrides when the store's revision differs from the one in force.</summary>
    public async Task RefreshAsync()
    {
        await gate.WaitAsync();
        try
        {
            var timeout = options.Value.StoreTimeout;
            if (await store.RevisionAsync().WaitAsync(timeout) != registry.Revision)
            {
                registry.Apply(await store.ReadAsync().WaitAsync(timeout));
            }
            LastError = null;
        }
        catch (Exception ex)
        {
            // The snapshot in force stays; the next poll tries again.
            LastError = ex.Message;
            LogSyncFailed(logger, ex);
        }
        finally
        {
            gate.Release();
        }
    }

    public override void Dispose()
    {
        gate.Dispose();
        base.Dispose();
    }

    [LoggerMessage(EventId = 5301, Level = LogLevel.Warning, Message = "Lifecycle overrides could not be read; the last known ones stay in force")]
    private static partial void LogSyncFailed(ILogger logger, Exception error);
}
