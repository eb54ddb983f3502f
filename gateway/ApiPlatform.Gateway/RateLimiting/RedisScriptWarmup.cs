using ApiPlatform.Gateway.Idempotency;
using ApiPlatform.Gateway.Lifecycle;
using StackExchange.Redis;

namespace ApiPlatform.Gateway.RateLimiting;

/// <summary>
/// Loads the gateway's Lua scripts before it serves: the first script a server runs can take hundreds of milliseconds
/// (Garnet starts its Lua runtime), far over the short timeouts of the request path, which would start in degraded mode.
/// </summary>
internal sealed partial class RedisScriptWarmup(IConnectionMultiplexer redis, ILogger<RedisScriptWarmup> logger) : IHostedService
{
    private static readonly string[] Scripts =
    [
        RedisRateLimitStore.LeaseScript, RedisIdempotencyStore.BeginScript, RedisIdempotencyStore.CompleteScript,
        RedisIdempotencyStore.ReleaseScript, RedisLifecycleStore.ChangeScript,
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var server in redis.GetServers().Where(s => s.IsConnected))
            {
                foreach (var script in Scripts)
                {
                    await server.ScriptLoadAsync(script).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
                }
            }
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // Not fatal: the limiter falls back to local limits until Redis answers in time.
            LogWarmupFailed(logger, ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning, Message = "The gateway's Redis scripts could not be loaded at start")]
    private static partial void LogWarmupFailed(ILogger logger, Exception error);
}
