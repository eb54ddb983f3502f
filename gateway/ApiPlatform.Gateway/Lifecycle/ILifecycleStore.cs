namespace ApiPlatform.Gateway.Lifecycle;

/// <summary>Lifecycle overrides, shared by every replica; who changed them is in the admin audit (<c>AdminAudit/</c>).</summary>
internal interface ILifecycleStore
{
    Task<long> RevisionAsync();

    Task<LifecycleSnapshot> ReadAsync();

    /// <summary>
    /// Sets <paramref name="change"/> only if the revision is still <paramref name="expectedRevision"/>; returns the new
    /// revision, or null when another change came first.
    /// </summary>
    Task<long?> ChangeAsync(long expectedRevision, VersionKey key, LifecycleOverride change);

    /// <summary>Calls <paramref name="changed"/> whenever any replica changes a lifecycle.</summary>
    Task SubscribeAsync(Action changed);
}
