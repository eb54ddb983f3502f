namespace ApiPlatform.Gateway.Lifecycle;

/// <summary>Lifecycle overrides and their audit trail, shared by every replica.</summary>
internal interface ILifecycleStore
{
    Task<long> RevisionAsync();

    Task<LifecycleSnapshot> ReadAsync();

    /// <summary>
    /// Sets <paramref name="change"/> and appends <paramref name="audit"/> in one step, only if the revision is still
    /// <paramref name="expectedRevision"/>; returns the new revision, or null when another change came first.
    /// </summary>
    Task<long?> ChangeAsync(long expectedRevision, VersionKey key, LifecycleOverride change, LifecycleAuditEntry audit);

    /// <summary>The newest <paramref name="limit"/> audit entries, newest first.</summary>
    Task<IReadOnlyList<LifecycleAuditEntry>> AuditAsync(int limit);

    /// <summary>Calls <paramref name="changed"/> whenever any replica changes a lifecycle.</summary>
    Task SubscribeAsync(Action changed);
}
