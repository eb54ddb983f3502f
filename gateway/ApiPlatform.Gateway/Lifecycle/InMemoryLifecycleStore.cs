namespace ApiPlatform.Gateway.Lifecycle;

/// <summary>Lifecycle overrides of a single gateway without Redis (Development only): lost on restart, not shared.</summary>
internal sealed class InMemoryLifecycleStore : ILifecycleStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<VersionKey, LifecycleOverride> overrides = [];
    private long revision;

    public Task<long> RevisionAsync()
    {
        lock (gate)
        {
            return Task.FromResult(revision);
        }
    }

    public Task<LifecycleSnapshot> ReadAsync()
    {
        lock (gate)
        {
            return Task.FromResult(new LifecycleSnapshot(revision, new Dictionary<VersionKey, LifecycleOverride>(overrides)));
        }
    }

    public Task<long?> ChangeAsync(long expectedRevision, VersionKey key, LifecycleOverride change)
    {
        lock (gate)
        {
            if (revision != expectedRevision)
            {
                return Task.FromResult<long?>(null);
            }
            overrides[key] = change;
            return Task.FromResult<long?>(++revision);
        }
    }

    public Task SubscribeAsync(Action changed) => Task.CompletedTask;
}
