using ApiPlatform.ServiceDefaults.Telemetry;

namespace ApiPlatform.Gateway.Lifecycle;

/// <summary>
/// Changes a version's lifecycle for every replica: writes the override against the revision it was computed from
/// (retrying when another admin came first), applies it here at once, and logs it; the caller records it in the admin audit.
/// </summary>
internal sealed partial class LifecycleAdministration(
    ILifecycleStore store, ApiLifecycleRegistry registry, LifecycleSync sync, TimeProvider time, ILoggerFactory loggers)
{
    public const string AuditCategory = "ApiPlatform.Gateway.AdminAudit";
    private const int Attempts = 3;
    private readonly ILogger audit = loggers.CreateLogger(AuditCategory);

    /// <summary>Returns the state the change replaced, or null when concurrent changes kept winning.</summary>
    public async Task<LifecycleState?> ChangeAsync(ApiLifecycle api, int major, LifecycleState after, string actor, HttpContext context)
    {
        var key = new VersionKey(api.Name, major);
        var catalogVersion = api.Definition.FindVersion(major)!;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var snapshot = await store.ReadAsync();
            var before = snapshot.Overrides.TryGetValue(key, out var current) ? current.State : LifecycleState.Of(catalogVersion);
            var now = time.GetUtcNow();
            if (await store.ChangeAsync(snapshot.Revision, key, new LifecycleOverride(after, actor, now)) is not null)
            {
                await sync.RefreshAsync();
                LogChange(audit, actor, api.Name, major, before.ToString(), after.ToString(), Correlation.Get(context));
                return before;
            }
        }
        return null;
    }

    public ApiLifecycle? Find(string api) => registry.Find(api);

    [LoggerMessage(EventId = 5401, Level = LogLevel.Information,
        Message = "Admin {Actor} changed the lifecycle of {Api} v{Major} from {Before} to {After} ({CorrelationId})")]
    private static partial void LogChange(ILogger logger, string actor, string api, int major, string before, string after, string? correlationId);
}
