using ApiPlatform.Contracts.Events;

namespace ApiPlatform.Contracts.Reconciliation;

// The integration events of reconciliation (topic "reconciliation"). A run's events have the run as subject; an
// exception's events have the exception as subject, so one exception's openings, resolutions and clearings arrive in order.

/// <summary>
/// A run of a tenant's period completed: the documents it compared, the exceptions it found by kind and how many of them
/// were new or reopened (each of those is also a <see cref="ReconciliationExceptionOpened"/>).
/// </summary>
public sealed record ReconciliationRunCompleted(
    string RunId, string Tenant, string Period, string Trigger, long DocumentsCompared, int ExceptionsFound,
    IReadOnlyDictionary<string, int> ExceptionsByKind, int NewOrReopened, DateTimeOffset StartedAt, DateTimeOffset CompletedAt) : IIntegrationEvent
{
    public static string EventType => "reconciliation.run.completed.v1";

    public string Subject => RunId;
}

/// <summary>
/// A run (or a re-check) found an exception that was not open: a new one, or a known one reopened (<c>Reopened</c>).
/// <c>Amount</c> is the amount the discrepancy concerns (see docs/reconciliation.md); <c>RunId</c> is the run that found it,
/// null for a re-check.
/// </summary>
public sealed record ReconciliationExceptionOpened(
    string ExceptionId, string Tenant, string Period, ExceptionKind Kind, IReadOnlyList<DocumentReference> Documents, Money Amount,
    string Detail, bool Reopened, string? RunId, DateTimeOffset OpenedAt) : IIntegrationEvent
{
    public static string EventType => "reconciliation.exception.opened.v1";

    public string Subject => ExceptionId;
}

/// <summary>An operator resolved an open exception, with a note.</summary>
public sealed record ReconciliationExceptionResolved(
    string ExceptionId, string Tenant, string Period, ExceptionKind Kind, IReadOnlyList<DocumentReference> Documents, string ResolvedBy,
    string Note, DateTimeOffset ResolvedAt) : IIntegrationEvent
{
    public static string EventType => "reconciliation.exception.resolved.v1";

    public string Subject => ExceptionId;
}

/// <summary>An open exception was cleared: a run (<c>RunId</c>) or a re-check (null) no longer found its discrepancy.</summary>
public sealed record ReconciliationExceptionCleared(
    string ExceptionId, string Tenant, string Period, ExceptionKind Kind, IReadOnlyList<DocumentReference> Documents, string? RunId,
    DateTimeOffset ClearedAt) : IIntegrationEvent
{
    public static string EventType => "reconciliation.exception.cleared.v1";

    public string Subject => ExceptionId;
}
