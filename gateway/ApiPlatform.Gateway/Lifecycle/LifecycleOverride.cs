namespace ApiPlatform.Gateway.Lifecycle;

/// <summary>An admin's lifecycle for one version, replacing the catalog's, with who set it and when.</summary>
internal sealed record LifecycleOverride(LifecycleState State, string ChangedBy, DateTimeOffset ChangedAt);

/// <summary>Every override in force and the revision they belong to (it grows by one with each change).</summary>
internal sealed record LifecycleSnapshot(long Revision, IReadOnlyDictionary<VersionKey, LifecycleOverride> Overrides)
{
    public static readonly LifecycleSnapshot Empty = new(0, new Dictionary<VersionKey, LifecycleOverride>());
}
