namespace ApiPlatform.Contracts.Reconciliation;

/// <summary>
/// A discrepancy between documents of erp and finance. Its id is stable for its tenant, kind and documents, so every run
/// of the period updates the same exception; <c>Fingerprint</c> is a hash of the compared data.
/// </summary>
public sealed record ReconciliationException(
    string Id,
    string Tenant,
    string Period,
    ExceptionKind Kind,
    ExceptionStatus Status,
    string Detail,
    IReadOnlyList<DocumentReference> Documents,
    string Fingerprint,
    string FirstRunId,
    string LastRunId,
    DateTimeOffset FirstFoundAt,
    DateTimeOffset LastFoundAt,
    ExceptionResolution? Resolution,
    IReadOnlyList<ExceptionActivity> Activity);

/// <summary>A document an exception concerns: the system (<c>erp</c> or <c>finance</c>), its type and id.</summary>
public sealed record DocumentReference(string System, string Type, string Id);

public sealed record ExceptionResolution(string Note, string ResolvedBy, DateTimeOffset ResolvedAt);

/// <summary>An entry of an exception's audit trail: found, reopened, resolved, cleared or re-checked, by whom and why.</summary>
public sealed record ExceptionActivity(DateTimeOffset At, string Action, string Actor, string? Note);
