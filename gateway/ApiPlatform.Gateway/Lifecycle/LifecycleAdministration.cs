using ApiPlatform.ServiceDefaults.Telemetry;

namespace ApiPlatform.Gateway.Lifecycle;

/// <summary>
/// Changes a version's lifecycle for every replica: writes the override and its audit entry in one step against the
/// revision it was computed from (retrying when another admin came first), applies it here at once, and logs it.
/// </summary>
internal sealed partial class LifecycleAdministration(
    ILifecycleStore store, ApiLifecycleRegistry registry, LifecycleSync sync, TimeProvider time, ILoggerFactory loggers)
{
    public const string AuditCategory = "ApiPlatform.Gateway.AdminAudit";
    private const int Attempts = 3;
    private readonly ILogger audit = loggers.CreateLogger(AuditCategory);

    /// <summary>Returns the audit entry of the change, or null when concurrent changes kept winning.</summary>
    public async Task<LifecycleAuditEntry?> ChangeAsync(ApiLifecycle api, int major, LifecycleState after, string actor, HttpContext context)
    {
        var key = new VersionKey(api.Name, major);
        var catalogVersion = api.Definition.FindVersion(major)!;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var snapshot = await store.ReadAsync();
            var before = snapshot.Overrides.TryGetValue(key, out var current) ? current.State : LifecycleState.Of(catalogVersion);
            var now = time.GetUtcNow();
            var entry = new LifecycleAuditEntry(Guid.NewGuid().ToString("N"), now, actor, "lifecycle.change", api.Name, major,
                before, after, Correlation.Get(context));
            if (await store.ChangeAsync(snapshot.Revision, key, new LifecycleOverride(after, actor, now), entry) is not null)
            {
                await sync.RefreshAsync();
                LogChange(audit, entry.Actor, entry.Api, entry.Major, before.ToString(), after.ToString(), entry.CorrelationId);
                return entry;
            }
        }
        return null;
    }

    public ApiLifecycle? Find(string api) => registry.Find(api);

    [LoggerMessage(EventId = 5401, Level = LogLevel.Information,
        Message = "Admin {Actor} changed the lifecycle of {Api} v{Major} from {Before} to {After} ({CorrelationId})")]
    private static partial void LogChange(ILogger logger, string actor, string api, int major, string before, string after, string? correlationId);
}
