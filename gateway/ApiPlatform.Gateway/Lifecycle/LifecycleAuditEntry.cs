namespace ApiPlatform.Gateway.Lifecycle;

/// <summary>One admin change in the audit trail: who changed what, from which state to which, and when.</summary>
internal sealed record LifecycleAuditEntry(
    string Id,
    DateTimeOffset At,
    string Actor,
    string Action,
    string Api,
    int Major,
    LifecycleState Before,
    LifecycleState After,
    string? CorrelationId);
